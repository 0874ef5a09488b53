import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import '@presence-kit/react/styles.css'

export const metadata: Metadata = {
  title: 'presence-kit in Next.js',
  // No favicon request: a 404 would be the one console error of the page.
  icons: { icon: 'data:,' },
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
