import { foldAccents } from '../search/normalize.js';

/**
 * The 33 communes of New Caledonia, with the places people and postings name instead (districts of
 * Nouméa, the Médipôle at Koutio, the Pôle sanitaire du Nord at Koné, tribes and villages): a
 * posting's workplace is filed under its commune, and "à Ducos" finds the offers of Nouméa.
 */
export interface Commune {
  name: string;
  /** Each commune belongs to one of the three provinces (Poya's few southern hamlets included, as the law files it). */
  province: ProvinceName;
  places: readonly string[];
}

export type ProvinceName = 'Province Nord' | 'Province Sud' | 'Province des Îles Loyauté';

/**
 * How people name a province as a place ("dans le Nord", "aux Îles", "jobs in the north"). "Province Nord"
 * and "province Sud" themselves are the names of employers first (the provinces' own offers): said that
 * way, they stay the employer (data/search/facets.ts looks employers up before provinces).
 */
const PROVINCE_NAMES: Readonly<Record<ProvinceName, readonly string[]>> = {
  'Province Nord': ['Nord', 'province du Nord', 'North', 'Northern Province', 'North Province'],
  'Province Sud': ['Sud', 'province du Sud', 'South', 'Southern Province', 'South Province'],
  'Province des Îles Loyauté': ['Îles', 'Îles Loyauté', 'Loyauté', 'province des Îles', 'Loyalty Islands', 'Loyalty Islands Province', 'Islands'],
};

export const COMMUNES: readonly Commune[] = [
  {
    name: 'Nouméa', province: 'Province Sud',
    places: ['Ducos', 'Magenta', 'Vallée des Colons', 'Faubourg Blanchot', 'Orphelinat', 'Motor Pool', "N'Géa", 'Rivière-Salée', 'Montravel', 'Tina', 'Kaméré', 'Normandie', '6e Km', '7e Km', 'Centre-ville', 'Nouville', 'Quartier Latin', 'Vallée du Tir', 'Anse Vata', 'Baie des Citrons', 'Trianon', 'Ouémo', 'Val Plaisance', 'Portes de Fer', 'Doniambo', 'Haut-Magenta', 'Nouméa'],
  },
  { name: 'Dumbéa', province: 'Province Sud', places: ['Koutio', 'Médipôle', 'Auteuil', 'Dumbéa-sur-Mer', 'Katiramona', 'Nakutakoin', 'Panda'] },
  { name: 'Le Mont-Dore', province: 'Province Sud', places: ['Mont-Dore', 'Boulari', 'Plum', 'Robinson', 'La Conception', 'Saint-Louis', 'Vallon-Dore', 'Yahoué', 'Pont-des-Français'] },
  { name: 'Païta', province: 'Province Sud', places: ['Tontouta', 'La Tontouta', 'Savannah'] },
  { name: 'Bouloupari', province: 'Province Sud', places: ['Boulouparis'] },
  { name: 'Bourail', province: 'Province Sud', places: [] },
  { name: 'Farino', province: 'Province Sud', places: [] },
  { name: "L'Île-des-Pins", province: 'Province Sud', places: ['Île des Pins', 'Ile des Pins', 'Kunié', 'Vao'] },
  { name: 'La Foa', province: 'Province Sud', places: [] },
  { name: 'Moindou', province: 'Province Sud', places: [] },
  { name: 'Sarraméa', province: 'Province Sud', places: [] },
  { name: 'Thio', province: 'Province Sud', places: [] },
  { name: 'Yaté', province: 'Province Sud', places: ['Waho', 'Touaourou'] },
  { name: 'Bélep', province: 'Province Nord', places: ['Waala'] },
  { name: 'Canala', province: 'Province Nord', places: [] },
  { name: 'Hienghène', province: 'Province Nord', places: [] },
  { name: 'Houaïlou', province: 'Province Nord', places: [] },
  { name: 'Kaala-Gomen', province: 'Province Nord', places: [] },
  { name: 'Koné', province: 'Province Nord', places: ['Koohnê', 'Koôhné', 'Pôle sanitaire du Nord', 'Foué', 'Pinjen'] },
  { name: 'Kouaoua', province: 'Province Nord', places: [] },
  { name: 'Koumac', province: 'Province Nord', places: [] },
  { name: 'Ouégoa', province: 'Province Nord', places: [] },
  { name: 'Poindimié', province: 'Province Nord', places: [] },
  { name: 'Ponérihouen', province: 'Province Nord', places: [] },
  { name: 'Pouébo', province: 'Province Nord', places: [] },
  { name: 'Pouembout', province: 'Province Nord', places: [] },
  { name: 'Poum', province: 'Province Nord', places: [] },
  { name: 'Poya', province: 'Province Nord', places: ['Népoui'] },
  { name: 'Touho', province: 'Province Nord', places: [] },
  { name: 'Voh', province: 'Province Nord', places: [] },
  { name: 'Lifou', province: 'Province des Îles Loyauté', places: ['Wé', 'Drehu', 'Xépénéhé'] },
  { name: 'Maré', province: 'Province des Îles Loyauté', places: ['Tadine', 'Nengone'] },
  { name: 'Ouvéa', province: 'Province des Îles Loyauté', places: ['Fayaoué', 'Iaai'] },
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

/** The province a commune is in, however the offer spells it ("Mont-Dore"), or undefined for a name that is no commune's. */
export function provinceOf(commune: string): ProvinceName | undefined {
  // Asked for every offer at each index build (50,000 at the bench's largest): a commune is looked up once.
  if (!provinces.has(commune)) {
    const name = communeOf(commune);
    provinces.set(commune, COMMUNES.find((c) => c.name === name)?.province);
  }
  return provinces.get(commune);
}

/** By the commune as offers spell it: a few dozen spellings. */
const provinces = new Map<string, ProvinceName | undefined>();

/** A province's names as a place, for search ("dans le Nord" finds the offers of Koné, Koumac, Poindimié…). */
export function provinceNames(province: string): readonly string[] {
  return PROVINCE_NAMES[province as ProvinceName] ?? [];
}

/**
 * "En brousse", "le Grand Nouméa", "the bush": places people name whose communes nobody lists the same way (is
 * Païta in the Grand Nouméa? La Foa in the brousse?), so the bot filters on none of them and says so. The name as said.
 */
const AREA_WITHOUT_BORDERS = /(?<![\p{L}])(?:brousse|grand[- ]noum[ée]a|the bush|greater noum[ée]a)(?![\p{L}])/iu;

export function areaWithoutBorders(text: string): string | undefined {
  return AREA_WITHOUT_BORDERS.exec(text)?.[0];
}

/** A commune's other names, for search ("à Ducos" finds Nouméa). */
export function communePlaces(name: string): readonly string[] {
  return COMMUNES.find((c) => c.name === name)?.places ?? [];
}
