// A component in a chunk of its own, for code that the first render can do without. `preload()` starts the
// download early; rendered before it has arrived, the component suspends (wrap it in <Suspense>); rendered
// after, it renders at once. (Plain React.lazy suspends on its first render even when the chunk is long in,
// and React then holds the reveal for 300 ms, its Suspense throttle.)
import { createElement, lazy, type ComponentType } from 'react';

export interface LazyChunk<P> {
  Component: ComponentType<P>;
  preload: () => Promise<unknown>;
}

export function lazyChunk<P extends object>(load: () => Promise<ComponentType<P>>): LazyChunk<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => (loading ??= load().then((component) => (loaded = component)));
  const Suspending = lazy(async () => ({ default: await preload() }));
  const Component = (props: P) => createElement(loaded ?? Suspending, props);
  return { Component, preload };
}
