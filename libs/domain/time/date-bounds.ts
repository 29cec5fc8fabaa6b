import { ageOn, type IsoDate } from './dates.js';

/**
 * The plausible range of the dates the service records, in one place: the DTOs refuse an
 * earlier business date (400) and the register decision an implausible birth date (422).
 * No TYP fact predates 1900; nobody registering for employment services is over 120.
 */
export const EARLIEST_BUSINESS_DATE: IsoDate = '1900-01-01';
export const MAX_CLIENT_AGE_YEARS = 120;

/** Not before EARLIEST_BUSINESS_DATE (ISO dates compare as strings). */
export const isWithinBusinessDates = (date: IsoDate): boolean => date >= EARLIEST_BUSINESS_DATE;

/** A birth date implying an age over MAX_CLIENT_AGE_YEARS on `today` is a typing error. */
export const isPlausibleBirthDate = (birthDate: IsoDate, today: IsoDate): boolean =>
  ageOn(birthDate, today) <= MAX_CLIENT_AGE_YEARS;
