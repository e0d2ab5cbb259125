// A valid row of the indicators CSV and a small region table, shared by the tests that read
// CSV rows; each test changes the fields it is about.
export const REGIONS: ReadonlySet<string> = new Set(["jiangmen", "xinhui", "taishan"]);

export const GOOD_ROW: Readonly<Record<string, string>> = {
  id: "a1",
  indicator: "gdp",
  region: "taishan",
  period: "2021",
  value: "50323000000",
  unit: "CNY",
  qualifier: "exact",
  kind: "actual",
  subject: "",
  source: "002_x",
  published: "2022-05",
  text: "503.23亿元",
  quote: "台山地区生产总值达503.23亿元。",
  start: "10",
  end: "18",
};
