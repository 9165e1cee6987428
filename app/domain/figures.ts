/** The figures shown for every unit, category or kind, in table order (statistics page, report, CSV). */
export const FIGURE_COLUMNS = ["received", "accepted", "answered", "answeredOnTime", "overdueNow", "averageDaysToAnswer", "satisfaction"] as const;
