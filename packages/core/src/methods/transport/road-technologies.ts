/** Road vehicle technologies whose CH4 and N2O factors differ (IPCC 2006 Vol.2 Table 3.2.2). */
export const ROAD_TECHNOLOGIES = ['gasoline-uncontrolled', 'gasoline-oxidation-catalyst', 'gasoline-low-mileage-1995'] as const;
export type RoadTechnology = (typeof ROAD_TECHNOLOGIES)[number];
