import { useState } from 'react'
import { positionText } from './seat-search'

export type LocationState =
  | { readonly status: 'idle' | 'asking' }
  | { readonly status: 'refused' | 'unavailable' | 'unsupported' }

/**
 * The browser's position, asked for only when the candidate presses the
 * button (never on opening the page), and why not when it does not come.
 */
export function useMyLocation(onFound: (near: string) => void) {
  const [state, setState] = useState<LocationState>({ status: 'idle' })

  function ask() {
    if (!('geolocation' in navigator)) {
      setState({ status: 'unsupported' })
      return
    }
    setState({ status: 'asking' })
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState({ status: 'idle' })
        onFound(positionText(position.coords.latitude, position.coords.longitude))
      },
      (error) => {
        setState({ status: error.code === error.PERMISSION_DENIED ? 'refused' : 'unavailable' })
      },
      { timeout: 15_000, maximumAge: 300_000 },
    )
  }

  return { state, ask }
}
