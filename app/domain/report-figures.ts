// The reception and supervision figures as lines of (catalogue key, number): one list for the pages and the CSV, so
// that both say the same thing in the same order.
import { FILING_CHANNELS, VISIT_OUTCOMES, type FilingChannel, type VisitOutcome } from "./reception";

export interface ReceptionFigureData {
  chairmanDays: number;
  sessions: number;
  visits: number;
  people: number;
  groupVisits: number;
  outcomes: Record<VisitOutcome, number>;
  casesByChannel: Record<FilingChannel, number>;
  groupCases: number;
  dialoguesHeld: number;
}

/** A line of figures; a heading line (value null) names the lines under it. */
export type FigureLine = { key: string; value: number | null };

export function receptionLines(f: ReceptionFigureData): FigureLine[] {
  return [
    { key: "reception.figures.chairmanDays", value: f.chairmanDays },
    { key: "reception.figures.sessions", value: f.sessions },
    { key: "reception.figures.visits", value: f.visits },
    { key: "reception.figures.people", value: f.people },
    { key: "reception.figures.groupVisits", value: f.groupVisits },
    { key: "reception.figures.outcomes", value: null },
    ...VISIT_OUTCOMES.map((o) => ({ key: `reception.outcome.${o}`, value: f.outcomes[o] })),
    { key: "reception.figures.channels", value: null },
    ...FILING_CHANNELS.map((c) => ({ key: `reception.channel.${c}`, value: f.casesByChannel[c] })),
    // Group cases (5 people or more) counted apart from the channels above.
    { key: "reception.figures.groupCases", value: f.groupCases },
    { key: "reception.figures.dialogues", value: f.dialoguesHeld },
  ];
}

export const SUPERVISION_COLUMNS = ["issued", "answered", "answeredLate", "settled", "overdue", "escalations", "takeOvers"] as const;
export type SupervisionColumn = (typeof SUPERVISION_COLUMNS)[number];
