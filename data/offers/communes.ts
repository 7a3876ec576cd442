import { foldAccents } from '../search/normalize.js';

/**
 * The 33 communes of New Caledonia, with the places people and postings name instead (districts of
 * Nouméa, the Médipôle at Koutio, the Pôle sanitaire du Nord at Koné, tribes and villages): a
 * posting's workplace is filed under its commune, and "à Ducos" finds the offers of Nouméa.
 */
export interface Commune {
  name: string;
  places: readonly string[];
}

export const COMMUNES: readonly Commune[] = [
  {
    name: 'Nouméa',
    places: ['Ducos', 'Magenta', 'Vallée des Colons', 'Faubourg Blanchot', 'Orphelinat', 'Motor Pool', "N'Géa", 'Rivière-Salée', 'Montravel', 'Tina', 'Kaméré', 'Normandie', '6e Km', '7e Km', 'Centre-ville', 'Nouville', 'Quartier Latin', 'Vallée du Tir', 'Anse Vata', 'Baie des Citrons', 'Trianon', 'Ouémo', 'Val Plaisance', 'Portes de Fer', 'Doniambo', 'Haut-Magenta', 'Nouméa'],
  },
  { name: 'Dumbéa', places: ['Koutio', 'Médipôle', 'Auteuil', 'Dumbéa-sur-Mer', 'Katiramona', 'Nakutakoin', 'Panda'] },
  { name: 'Le Mont-Dore', places: ['Mont-Dore', 'Boulari', 'Plum', 'Robinson', 'La Conception', 'Saint-Louis', 'Vallon-Dore', 'Yahoué', 'Pont-des-Français'] },
  { name: 'Païta', places: ['Tontouta', 'La Tontouta', 'Savannah'] },
  { name: 'Bouloupari', places: ['Boulouparis'] },
  { name: 'Bourail', places: [] },
  { name: 'Farino', places: [] },
  { name: "L'Île-des-Pins", places: ['Île des Pins', 'Ile des Pins', 'Kunié', 'Vao'] },
  { name: 'La Foa', places: [] },
  { name: 'Moindou', places: [] },
  { name: 'Sarraméa', places: [] },
  { name: 'Thio', places: [] },
  { name: 'Yaté', places: ['Waho', 'Touaourou'] },
  { name: 'Bélep', places: ['Waala'] },
  { name: 'Canala', places: [] },
  { name: 'Hienghène', places: [] },
  { name: 'Houaïlou', places: [] },
  { name: 'Kaala-Gomen', places: [] },
  { name: 'Koné', places: ['Koohnê', 'Koôhné', 'Pôle sanitaire du Nord', 'Foué', 'Pinjen'] },
  { name: 'Kouaoua', places: [] },
  { name: 'Koumac', places: [] },
  { name: 'Ouégoa', places: [] },
  { name: 'Poindimié', places: [] },
  { name: 'Ponérihouen', places: [] },
  { name: 'Pouébo', places: [] },
  { name: 'Pouembout', places: [] },
  { name: 'Poum', places: [] },
  { name: 'Poya', places: ['Népoui'] },
  { name: 'Touho', places: [] },
  { name: 'Voh', places: [] },
  { name: 'Lifou', places: ['Wé', 'Drehu', 'Xépénéhé'] },
  { name: 'Maré', places: ['Tadine', 'Nengone'] },
  { name: 'Ouvéa', places: ['Fayaoué', 'Iaai'] },
];

function key(text: string): string {
  return foldAccents(text).replace(/[’']/g, ' ').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Every name of every commune, longest first ("Haut-Magenta" before "Magenta", "Mont-Dore" after "Vallon-Dore"). */
const NAMES: ReadonlyArray<readonly [string, string]> = COMMUNES.flatMap((c) => [c.name, ...c.places].map((n) => [key(n), c.name] as const))
  .concat([[key('Le Mont Dore'), 'Le Mont-Dore']])
  .sort((a, b) => b[0].length - a[0].length);

/** The commune a place names ("Médipôle Koutio" → Dumbéa, "NOUMEA" → Nouméa), or undefined. */
export function communeOf(place: string): string | undefined {
  const text = ` ${key(place)} `;
  return NAMES.find(([name]) => text.includes(` ${name} `))?.[1];
}

/** A commune's other names, for search ("à Ducos" finds Nouméa). */
export function communePlaces(name: string): readonly string[] {
  return COMMUNES.find((c) => c.name === name)?.places ?? [];
}
