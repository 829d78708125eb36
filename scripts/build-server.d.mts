export declare const STAMP: string;
export declare function listSources(): string[];
export declare function buildServer(): Promise<number>;
