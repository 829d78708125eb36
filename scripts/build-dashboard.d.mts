export declare function dashboardIsFresh(): boolean;
export declare function buildDashboard(): Promise<number>;
