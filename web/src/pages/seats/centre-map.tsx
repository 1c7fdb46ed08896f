import 'leaflet/dist/leaflet.css'
import type { FeatureCollection } from 'geojson'
import { type FitBoundsOptions, type Map as LeafletMap, latLngBounds } from 'leaflet'
import { useCallback, useEffect, useMemo } from 'react'
import {
  AttributionControl,
  CircleMarker,
  GeoJSON,
  MapContainer,
  Popup,
  useMap,
  ZoomControl,
} from 'react-leaflet'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import world from 'world-atlas/countries-110m.json'
import { useT } from '../../i18n/use-t'
import type { FoundCentre } from './found-centre'

/**
 * The countries' outlines, shipped with the app (Natural Earth, through
 * world-atlas): the map needs no tile server, which this app may not reach
 * (its pages connect only to their own server) and a candidate may not either.
 */
const topology = world as unknown as Topology<{ countries: GeometryCollection }>
const COUNTRIES: FeatureCollection = feature(topology, topology.objects.countries)

const LAND = { color: '#7b8494', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1 }
const CENTRE = { color: '#ffffff', weight: 2, fillColor: '#1d4ed8', fillOpacity: 1 }

/**
 * The centres of the list on a map, fitted to them; a centre's marker names
 * it and leads to its entry in the list, which says everything the map shows.
 */
export function CentreMap(props: {
  readonly centres: readonly FoundCentre[]
  readonly onShowCentre: (centreId: string) => void
}) {
  const t = useT()
  const bounds = useMemo(() => boundsOf(props.centres), [props.centres])
  const label = t('seats.map')
  // Leaflet makes its container focusable for panning by keyboard; it is named for what it shows.
  const named = useCallback(
    (map: LeafletMap | null) => {
      if (map === null) return
      const container = map.getContainer()
      container.setAttribute('role', 'region')
      container.setAttribute('aria-label', label)
      // The outlines and markers are pictures of the list: screen readers read the list instead.
      for (const svg of container.querySelectorAll('svg')) svg.setAttribute('aria-hidden', 'true')
    },
    [label],
  )
  return (
    <div className="centre-map">
      <MapContainer
        ref={named}
        bounds={bounds}
        boundsOptions={FIT}
        className="centre-map-canvas"
        zoomControl={false}
        attributionControl={false}
        minZoom={1}
        maxZoom={12}
      >
        <GeoJSON data={COUNTRIES} style={LAND} interactive={false} />
        {props.centres.map((centre) => (
          <CircleMarker
            key={centre.id}
            center={[centre.latitude, centre.longitude]}
            radius={9}
            pathOptions={CENTRE}
            eventHandlers={{ click: () => props.onShowCentre(centre.id) }}
          >
            <Popup closeButton={false}>
              <strong>{centre.name}</strong>
              <br />
              {centre.providerName}, {centre.city}
            </Popup>
          </CircleMarker>
        ))}
        <FitToCentres bounds={bounds} />
        <ZoomControl
          position="topleft"
          zoomInTitle={t('seats.map.zoomIn')}
          zoomOutTitle={t('seats.map.zoomOut')}
        />
        <AttributionControl position="bottomright" prefix="Leaflet | Natural Earth" />
      </MapContainer>
      <p className="secondary map-note">{t('seats.mapNote')}</p>
    </div>
  )
}

const FIT: FitBoundsOptions = { padding: [28, 28], maxZoom: 9 }

/** Fits the map to the centres again when more are listed. */
function FitToCentres({ bounds }: { bounds: ReturnType<typeof boundsOf> }) {
  const map = useMap()
  useEffect(() => {
    map.fitBounds(bounds, FIT)
    for (const svg of map.getContainer().querySelectorAll('svg'))
      svg.setAttribute('aria-hidden', 'true')
  }, [map, bounds])
  return null
}

function boundsOf(centres: readonly FoundCentre[]) {
  return latLngBounds(centres.map((centre) => [centre.latitude, centre.longitude]))
}
