declare module 'virtual:country-centroids' {
  const centroids: Record<string, [number, number]>;
  export default centroids;
}
