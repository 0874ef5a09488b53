// react-dom/profiling is react-dom/client with the Profiler's timings on in production builds.
declare module 'react-dom/profiling' {
  export { createRoot, hydrateRoot } from 'react-dom/client'
}
