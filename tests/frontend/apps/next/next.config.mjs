// No handoff-kit specific setting: the defaults of Next.js 16 (Turbopack).
export default {};
