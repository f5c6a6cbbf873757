/**
 * Mass ratios of a gas to the element it is counted by, from the molar masses (C 12, N 14, O 16,
 * H 1): the "× 44/12", "× 16/12" and "× 44/28" of the IPCC 2006 equations. Physical constants, not
 * factors with a source, so they are named here once, below the inventory and the methods, and every
 * calculation that converts an element to its gas imports them from here.
 */

/**
 * t CO2 per t C (44/12): carbon oxidised to CO2 — fuel carbon content × oxidation (the cn factor set),
 * lubricants (Vol.3 Eq 5.2), carbon stock changes (Vol.4 Eq 2.4, 2.5), liming and urea (Vol.4
 * Eq 11.12, 11.13), incineration (Vol.5 Eq 5.1).
 */
export const CO2_PER_CARBON = 44 / 12;

/** t CH4 per t C (16/12): decomposed carbon released as CH4 (solid waste disposal, Vol.5 Eq 3.6; L0 of Eq 3.1). */
export const CH4_PER_CARBON = 16 / 12;

/** t N2O per t N2O–N (44/28, two N of 14 in a molecule of 44): fertiliser N2O (Vol.4 Eq 11.1), wastewater effluent (Vol.5 Eq 6.7). */
export const N2O_PER_NITROGEN = 44 / 28;
