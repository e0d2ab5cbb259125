// The lexicon files are checked for shape when they load: a broken file fails at once, naming the
// file and the key, instead of quietly matching nothing.
import { describe, expect, it } from "vitest";
import {
  checkLexicon,
  contextLexicon,
  indicatorLexicon,
  kindLexicon,
  numeralLexicon,
  pageLexicon,
  periodLexicon,
  qualifierLexicon,
} from "../../../extract/lib/lexicon.ts";

const shipped = {
  "indicators.json": indicatorLexicon,
  "kinds.json": kindLexicon,
  "periods.json": periodLexicon,
  "qualifiers.json": qualifierLexicon,
  "context.json": contextLexicon,
  "numerals.json": numeralLexicon,
  "page.json": pageLexicon,
};
const copy = <T>(v: T): T => structuredClone(v);

describe("lexicon shape checks", () => {
  it("every shipped file passes", () => {
    for (const [file, value] of Object.entries(shipped))
      expect(checkLexicon(file, value)).toBe(value);
  });
  it("a missing key is named", () => {
    const broken = copy(kindLexicon) as Partial<typeof kindLexicon>;
    delete broken.target;
    expect(() => checkLexicon("kinds.json", broken)).toThrow(
      "extract/lexicon/kinds.json.target is missing",
    );
  });
  it("a non-word in a word list is named with its index", () => {
    const broken = copy(indicatorLexicon) as unknown as { growthCues: unknown[] };
    broken.growthCues = ["增长", 5, ""];
    expect(() => checkLexicon("indicators.json", broken)).toThrow(
      /growthCues\[1\] must be a non-empty word.*growthCues\[2\] must be a non-empty word/,
    );
  });
  it("a key nobody reads (a typo) is named", () => {
    const broken = { ...copy(periodLexicon), continuationOpener: ["其中"] };
    expect(() => checkLexicon("periods.json", broken)).toThrow(
      "periods.json.continuationOpener is not read",
    );
  });
  it("nested records and maps are checked", () => {
    const broken = copy(indicatorLexicon) as unknown as {
      valueCues: { family: unknown; terms: unknown }[];
      families: Record<string, { unit: unknown }>;
    };
    broken.valueCues[0]!.terms = "GDP";
    broken.families.gdp!.unit = 3;
    const message = (() => {
      try {
        checkLexicon("indicators.json", broken);
        return "";
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toContain("valueCues[0].terms must be a list of words");
    expect(message).toContain("families.gdp.unit must be a non-empty word");
  });
  it("comments ($comment…) are allowed anywhere", () => {
    expect(() =>
      checkLexicon("qualifiers.json", { ...copy(qualifierLexicon), $comment_x: "why" }),
    ).not.toThrow();
  });
  it("an unknown file is refused", () => {
    expect(() => checkLexicon("other.json", {})).toThrow("no shape is known");
  });
});
