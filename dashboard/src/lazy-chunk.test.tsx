// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { Suspense, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyChunk } from './lazy-chunk.js';

afterEach(cleanup);

const Hello = ({ name }: { name: string }) => <b>hello {name}</b>;
const inSuspense = (node: ReactNode) => <Suspense fallback={<i>waiting</i>}>{node}</Suspense>;

describe('lazyChunk', () => {
  it('suspends while its chunk is on its way, then renders the component', async () => {
    const chunk = lazyChunk(async () => Hello);
    render(inSuspense(<chunk.Component name="Ada" />));
    expect(screen.getByText('waiting')).toBeTruthy();
    expect((await screen.findByText('hello Ada')).tagName).toBe('B');
  });

  it('renders at once, without a fallback, once preload() has brought the chunk in', async () => {
    const chunk = lazyChunk(async () => Hello);
    await chunk.preload();
    render(inSuspense(<chunk.Component name="Grace" />));
    expect(screen.getByText('hello Grace')).toBeTruthy();
    expect(screen.queryByText('waiting')).toBeNull();
  });

  it('loads its chunk once, however often it is preloaded and rendered', async () => {
    let loads = 0;
    const chunk = lazyChunk(async () => {
      loads++;
      return Hello;
    });
    await Promise.all([chunk.preload(), chunk.preload()]);
    render(inSuspense(<chunk.Component name="Linus" />));
    expect(screen.getByText('hello Linus')).toBeTruthy();
    expect(loads).toBe(1);
  });
});
