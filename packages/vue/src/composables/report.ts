// Bad props and arguments are reported the same way in React and Vue: once, in development.
export { reportPropError as reportInDevelopment } from '@presence-kit/core/ui'
