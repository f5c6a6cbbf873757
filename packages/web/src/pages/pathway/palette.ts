/**
 * Chart colours: the scenario in the app's dark blue, the actions' wedges in a qualitative palette
 * (Okabe–Ito, readable by people with colour-vision deficiencies), targets in red.
 */
export const SCENARIO_COLOUR = '#1f4e79';
export const BAU_COLOUR = '#444444';
export const TARGET_COLOUR = '#b3261e';
export const MET_COLOUR = '#1b7a3d';
export const WEDGE_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#999999', '#8c6d31', '#6b6ecf', '#b5cf6b', '#e7969c'] as const;
export const wedgeColour = (index: number): string => WEDGE_COLOURS[index % WEDGE_COLOURS.length]!;
