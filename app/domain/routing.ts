// Which unit handles a new case: the commune where the matter is, or the district's triage queue.
// The rules are rows (routing_rules), so officials can change category → level mappings without code.

/** Why a case went where it went: a routing rule's reason (data, labelled "routing.<reason>") or a fallback below. */
export type RoutingReason = string;

export type LocationScope = "commune" | "multiple" | "unknown";
export type ProjectLevel = "commune" | "district" | "unknown";

export interface AdministrativeUnit {
  id: string;
  level: "district" | "commune" | "town";
  validFrom: string | null;
  validTo: string | null;
  successorId: string | null;
}

export interface RoutingRule {
  priority: number;
  categoryCode: string | null;
  projectLevel: string | null;
  locationScope: string | null;
  routeTo: "commune" | "district";
  reason: RoutingReason;
}

export interface RoutingInput {
  categoryCode: string;
  locationScope: LocationScope;
  locationCommuneId: string | null;
  projectLevel: ProjectLevel | null;
  /** The kind of submission, and whether a denunciation concerns an official or civil servant of the commune. */
  kind?: string;
  concernsOfficial?: boolean;
  /** YYYY-MM-DD in Vietnam: which units are in force. */
  on: string;
}

export interface RoutingDecision {
  communeId: string;
  routeTo: "commune" | "district";
  reason: RoutingReason;
}

function inForce(unit: AdministrativeUnit, on: string): boolean {
  return (unit.validFrom == null || unit.validFrom <= on) && (unit.validTo == null || unit.validTo >= on);
}

/** Follows successors after mergers so a case filed under an old commune name reaches today's unit. */
export function currentUnit(units: readonly AdministrativeUnit[], id: string, on: string): AdministrativeUnit | null {
  const byId = new Map(units.map((u) => [u.id, u]));
  let unit = byId.get(id) ?? null;
  const seen = new Set<string>();
  while (unit && !inForce(unit, on)) {
    if (seen.has(unit.id) || !unit.successorId) return null;
    seen.add(unit.id);
    unit = byId.get(unit.successorId) ?? null;
  }
  return unit;
}

function matches(rule: RoutingRule, input: RoutingInput): boolean {
  return (
    (rule.categoryCode == null || rule.categoryCode === input.categoryCode) &&
    (rule.projectLevel == null || rule.projectLevel === input.projectLevel) &&
    (rule.locationScope == null || rule.locationScope === input.locationScope)
  );
}

export function routeCase(input: RoutingInput, rules: readonly RoutingRule[], units: readonly AdministrativeUnit[]): RoutingDecision {
  const district = units.find((u) => u.level === "district" && inForce(u, input.on));
  if (!district) throw new Error("No district unit in force");
  const toDistrict = (reason: RoutingReason): RoutingDecision => ({ communeId: district.id, routeTo: "district", reason });

  // Interim rule until the supervision work settles who hears these: a commune must not receive (and so learn who
  // filed) a denunciation of its own official; the district's triage queue takes it.
  if (input.kind === "denunciation" && input.concernsOfficial) return toDistrict("denunciation-of-commune-official");

  const rule = [...rules].sort((a, b) => a.priority - b.priority).find((r) => matches(r, input));
  if (rule?.routeTo === "district") return toDistrict(rule.reason);

  if (input.locationScope !== "commune" || !input.locationCommuneId) return toDistrict("location-not-single-commune");
  const unit = currentUnit(units, input.locationCommuneId, input.on);
  if (!unit || unit.level === "district") return toDistrict("unit-not-in-force");
  return { communeId: unit.id, routeTo: "commune", reason: rule?.reason ?? "commune-of-location" };
}
