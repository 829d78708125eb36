let cached: boolean | undefined;

/** Whether this browser can give us a WebGL context (headless without GPU may not). Asked once per page. */
export function hasWebGL(): boolean {
  cached ??= probe();
  return cached;
}

function probe(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}
