import { describe, expect, it } from "vitest";
import { currentUnit, routeCase, type AdministrativeUnit, type RoutingInput, type RoutingRule } from "~/domain/routing";
import { COMMUNES, DISTRICT_ID, ROUTING_RULES } from "../../db/data/reference";

const units: AdministrativeUnit[] = COMMUNES.map((c) => ({ id: c.id, level: c.level, validFrom: null, validTo: null, successorId: null }));
const rules: RoutingRule[] = ROUTING_RULES;
const input = (over: Partial<RoutingInput>): RoutingInput => ({
  categoryCode: "land",
  locationScope: "commune",
  locationCommuneId: "xuan-bac",
  projectLevel: null,
  on: "2026-11-25",
  ...over,
});

describe("routing a new case", () => {
  it("goes to the commune where the matter is", () => {
    expect(routeCase(input({}), rules, units)).toEqual({ communeId: "xuan-bac", routeTo: "commune", reason: "commune-of-location" });
    expect(routeCase(input({ locationCommuneId: "tt-xuan-truong", categoryCode: "construction" }), rules, units).communeId).toBe("tt-xuan-truong");
  });

  it("compensation on a district project, or an unknown project, goes to the district triage queue", () => {
    expect(routeCase(input({ categoryCode: "compensation", projectLevel: "district" }), rules, units)).toMatchObject({
      communeId: DISTRICT_ID,
      reason: "compensation-district-project",
    });
    expect(routeCase(input({ categoryCode: "compensation", projectLevel: "unknown" }), rules, units)).toMatchObject({
      communeId: DISTRICT_ID,
      reason: "compensation-project-unknown",
    });
    expect(routeCase(input({ categoryCode: "compensation", projectLevel: "commune" }), rules, units).communeId).toBe("xuan-bac");
  });

  it("several communes or an unknown place go to the district", () => {
    expect(routeCase(input({ locationScope: "multiple", locationCommuneId: null }), rules, units)).toMatchObject({
      communeId: DISTRICT_ID,
      reason: "several-communes",
    });
    expect(routeCase(input({ locationScope: "unknown", locationCommuneId: null }), rules, units)).toMatchObject({
      communeId: DISTRICT_ID,
      reason: "location-unknown",
    });
  });

  it("follows the rules table: officials can send a category to the district without code", () => {
    const changed: RoutingRule[] = [
      ...rules,
      { priority: 5, categoryCode: "construction", projectLevel: null, locationScope: null, routeTo: "district", reason: "district-handles-construction" },
    ];
    expect(routeCase(input({ categoryCode: "construction" }), changed, units)).toMatchObject({
      communeId: DISTRICT_ID,
      reason: "district-handles-construction",
    });
    expect(routeCase(input({ categoryCode: "land" }), changed, units).communeId).toBe("xuan-bac");
  });

  it("a merged commune's matters reach its successor, through a chain of mergers", () => {
    const merged = units.map((u) => (u.id === "xuan-bac" ? { ...u, validTo: "2024-08-31", successorId: "tra-lu" } : u));
    const withNew: AdministrativeUnit[] = [
      ...merged,
      { id: "tra-lu", level: "commune", validFrom: "2024-09-01", validTo: "2025-06-30", successorId: "xuan-hung" },
      { id: "xuan-hung", level: "commune", validFrom: "2025-07-01", validTo: null, successorId: null },
    ];
    expect(routeCase(input({ on: "2025-01-10" }), rules, withNew).communeId).toBe("tra-lu");
    expect(routeCase(input({ on: "2026-11-25" }), rules, withNew).communeId).toBe("xuan-hung");
    expect(routeCase(input({ on: "2024-05-01" }), rules, withNew).communeId).toBe("xuan-bac");
    expect(currentUnit(withNew, "xuan-bac", "2026-01-01")?.id).toBe("xuan-hung");
  });

  it("a unit no longer in force with no successor goes to the district", () => {
    const ended = units.map((u) => (u.id === "xuan-dai" ? { ...u, validTo: "2024-08-31" } : u));
    expect(routeCase(input({ locationCommuneId: "xuan-dai" }), rules, ended)).toMatchObject({ communeId: DISTRICT_ID, reason: "unit-not-in-force" });
  });

  it("a denunciation of an official of the commune goes to the district triage queue, not to that commune", () => {
    expect(routeCase(input({ kind: "denunciation", concernsOfficial: true }), rules, units)).toEqual({
      communeId: DISTRICT_ID,
      routeTo: "district",
      reason: "denunciation-of-commune-official",
    });
    // Even where a rule would send the category to the commune.
    expect(
      routeCase(input({ kind: "denunciation", concernsOfficial: true, categoryCode: "compensation", projectLevel: "commune" }), rules, units).communeId,
    ).toBe(DISTRICT_ID);
  });

  it("other denunciations, and other kinds with the box ticked, follow the ordinary rules", () => {
    expect(routeCase(input({ kind: "denunciation", concernsOfficial: false }), rules, units).communeId).toBe("xuan-bac");
    expect(routeCase(input({ kind: "complaint", concernsOfficial: true }), rules, units).communeId).toBe("xuan-bac");
  });
});
