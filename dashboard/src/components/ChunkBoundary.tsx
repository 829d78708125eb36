// Around a lazily loaded component: if its chunk fails to arrive (network error, a redeploy replaced its
// hash) or it throws while rendering, `fallback` takes its place instead of React unmounting the overview.
import { Component, type ReactNode } from 'react';

interface Props {
  fallback: (error: Error) => ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | undefined;
}

export class ChunkBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
