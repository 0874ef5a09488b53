/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The reference server's address, e.g. http://localhost:3030. */
  readonly VITE_PRESENCE_SERVER_URL?: string
}
