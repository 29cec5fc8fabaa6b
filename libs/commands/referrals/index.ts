export * from './referrals.dto.js';
