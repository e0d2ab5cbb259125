// Every label of the dashboard, in Chinese and English, in one place.
import type { Indicator, Kind, Qualifier, RowReason, Unit } from "../model/contract.ts";
import { INDICATOR_RECORDS, type IndicatorGroup } from "../model/contract.ts";
import type { Language } from "../model/language.ts";

const LABELS = {
  appTitle: { zh: "江门经济指标", en: "Jiangmen economic indicators" },
  appSubtitle: {
    zh: "从新闻报道中提取的江门市及各区县经济数据",
    en: "Economic figures for Jiangmen and its districts, extracted from news reports",
  },
  language: { zh: "语言", en: "Language" },
  indicator: { zh: "指标", en: "Indicator" },
  regions: { zh: "地区", en: "Districts" },
  regionSearch: { zh: "搜索地区", en: "Search districts" },
  all: { zh: "全选", en: "All" },
  none: { zh: "全不选", en: "None" },
  periodRange: { zh: "时间范围", en: "Period range" },
  fromYear: { zh: "起始年份", en: "From year" },
  toYear: { zh: "截止年份", en: "To year" },
  anyYear: { zh: "不限", en: "Any" },
  chartType: { zh: "图表类型", en: "Chart type" },
  line: { zh: "折线图", en: "Line" },
  bar: { zh: "柱状图", en: "Bar" },
  views: { zh: "视图", en: "Views" },
  viewChart: { zh: "趋势图", en: "Chart" },
  viewCompare: { zh: "地区对比", en: "Compare" },
  viewTable: { zh: "数据表", en: "Table" },
  viewMap: { zh: "地图", en: "Map" },
  viewDistrict: { zh: "地区概况", en: "District page" },
  districtLink: { zh: "概况", en: "page" },
  districtLinkLabel: { zh: "{name}概况", en: "{name}: district page" },
  districtIntro: {
    zh: "各指标最新的全地区数字(实际数优先,其次预计、目标)及其增速、同频率走势和报道数;没有全地区数字的指标列出其分项数字并注明对象。",
    en: "Each indicator's latest district-wide figure (actual first, then estimate, then target), its growth, its trend at the same frequency and its reports; where there is no district-wide figure, the figures about its parts, each named.",
  },
  districtUnknown: { zh: "地区表中没有这个地区:", en: "No such district in the region table:" },
  noFigureYet: { zh: "暂无数据", en: "no figure yet" },
  moreSubjects: { zh: "等{n}项", en: "and {n} more" },
  filtersShow: {
    zh: "筛选：地区、年份、图表类型、数据 ▾",
    en: "Filters: districts, years, chart, data ▾",
  },
  filtersHide: { zh: "收起筛选 ▴", en: "Hide filters ▴" },
  subjectOnlyHint: {
    zh: "无全地区数字,以下为分项数字",
    en: "No district-wide figure; figures about parts of it",
  },
  latestFigure: { zh: "最新数字", en: "Latest figure" },
  growth: { zh: "增速", en: "Growth" },
  trend: { zh: "走势", en: "Trend" },
  reports: { zh: "报道", en: "Reports" },
  trendAria: { zh: "{indicator}走势:{values}", en: "{indicator} trend: {values}" },
  allDistricts: { zh: "返回", en: "Back" },
  noFigure: { zh: "无数据", en: "no figure" },
  mapDistricts: { zh: "按地区筛选", en: "Filter by district" },
  mapHint: {
    zh: "点击地图上的区县或下方按钮,只看该地区;再点一次恢复全部。",
    en: "Click a district on the map or a button below to show only it; again to show all.",
  },
  mapLoading: { zh: "正在加载地图…", en: "Loading the map…" },
  mapFailed: { zh: "无法加载地图边界", en: "The district boundaries could not be loaded" },
  mapNoBoundaries: {
    zh: "没有与地区表对应的边界文件(见 README“另一个城市”)",
    en: "No boundary file for this region table (see “Another city” in the README)",
  },
  mapAria: { zh: "{indicator}分区地图({period})", en: "Map of {indicator} by district ({period})" },
  comparePeriod: { zh: "对比时期", en: "Period to compare" },
  loading: { zh: "正在加载数据…", en: "Loading data…" },
  parsing: { zh: "正在解析数据…", en: "Parsing data…" },
  preparing: { zh: "正在整理该指标的数字…", en: "Preparing this indicator's figures…" },
  noData: {
    zh: "当前筛选条件下没有数据。请选择其他指标、地区或时间范围。",
    en: "No data for this filter. Choose another indicator, districts or period range.",
  },
  noRegions: { zh: "未选择任何地区。", en: "No district is selected." },
  fetchFailed: { zh: "无法获取数据文件", en: "The data file could not be fetched" },
  readFailed: { zh: "无法读取数据文件", en: "The data file could not be read" },
  notText: {
    zh: "不是 UTF-8 或 GB18030(GBK)编码的文本;请在 Excel 中另存为“CSV UTF-8”后重新打开",
    en: "not text in UTF-8 or GB18030 (GBK); save it as “CSV UTF-8” in Excel and open it again",
  },
  htmlNotCsv: {
    zh: "服务器返回的是网页而不是数据文件(文件可能不存在)",
    en: "the server answered with a web page, not a data file (the file is probably missing)",
  },
  badCsvParam: {
    zh: "参数 csv 只能是本站路径(如 /data/indicators.csv),已拒绝:",
    en: "The csv parameter must be a path on this site (such as /data/indicators.csv); refused:",
  },
  fileProblem: { zh: "文件无法使用", en: "The file cannot be used" },
  fileEmpty: { zh: "文件是空的", en: "the file is empty" },
  missingColumns: {
    zh: "缺少列 {columns}(数据规范见 data/CONTRACT.md)",
    en: "missing columns {columns} (see the contract, data/CONTRACT.md)",
  },
  badRows: {
    zh: "条记录不符合数据规范,已跳过",
    en: "rows break the data contract and were skipped",
  },
  badRowsShown: { zh: "仅列出前", en: "Only the first" },
  line_: { zh: "第 {n} 行", en: "line {n}" },
  regionProblems: { zh: "地区表有问题", en: "The region table has problems" },
  openFile: { zh: "打开本地 CSV 文件", en: "Open a local CSV file" },
  dropHint: { zh: "或将 CSV 文件拖放到页面上", en: "or drop a CSV file onto the page" },
  dataSource: { zh: "数据来源", en: "Data" },
  shippedData: { zh: "内置数据", en: "shipped data" },
  backToShipped: { zh: "改用内置数据", en: "Use the shipped data" },
  rowsLoaded: { zh: "{facts} 条事实(共 {rows} 行)", en: "{facts} facts ({rows} rows)" },
  exportImage: { zh: "导出图片", en: "Export image" },
  exportFormat: { zh: "格式", en: "Format" },
  transparent: { zh: "透明背景", en: "Transparent background" },
  download: { zh: "下载", en: "Download" },
  downloadCsv: { zh: "下载 CSV", en: "Download CSV" },
  exporting: { zh: "正在导出…", en: "Exporting…" },
  tableSearch: { zh: "搜索表格", en: "Search the table" },
  rowsFound: { zh: "共 {n} 条", en: "{n} rows" },
  previousPage: { zh: "上一页", en: "Previous page" },
  nextPage: { zh: "下一页", en: "Next page" },
  pageOf: { zh: "第 {page} / {pages} 页", en: "Page {page} of {pages}" },
  openSource: { zh: "查看原文", en: "Open the article" },
  sources: { zh: "原文出处", en: "Sources" },
  close: { zh: "关闭", en: "Close" },
  articleLoading: { zh: "正在加载原文…", en: "Loading the article…" },
  sourcesGone: {
    zh: "这里的报道已驳回，不再在数据中（驳回记录仍保留在 reviews.csv 中）。",
    en: "The reports shown here were rejected and are no longer in the data (the decisions stay in reviews.csv).",
  },
  articleFailed: { zh: "无法加载原文", en: "The article could not be loaded" },
  reportedBy: { zh: "{n} 篇报道", en: "{n} reports" },
  reportsDisagree: {
    zh: "各篇报道的数值不一致,点击查看",
    en: "the reports give different values; click to compare",
  },
  subjectFigures: { zh: "分项", en: "parts" },
  showSubjects: {
    zh: "显示分项数字(项目、行业、企业类型、贸易伙伴)",
    en: "Show figures about parts (projects, industries, kinds of firm, partners)",
  },
  onlySubjects: {
    zh: "这里只有关于具体项目、行业或对象的分项数字,不是地区总量。",
    en: "Only figures about parts (a project, an industry, a partner) are reported here, not totals.",
  },
  frequency: { zh: "频率", en: "Frequency" },
  freq_year: { zh: "年度", en: "Annual" },
  freq_half: { zh: "半年度", en: "Semiannual" },
  freq_quarter: { zh: "季度", en: "Quarterly" },
  freq_month: { zh: "月度", en: "Monthly" },
  freq_ytd: { zh: "年初至今", en: "Year to date" },
  freq_other: { zh: "其他时段", en: "Other spans" },
  onlyDisagreements: { zh: "只看数值不一致的报道", en: "Only figures whose reports disagree" },
  valuesDiffer: { zh: "各篇报道的数值不同", en: "the reports give different values" },
  disagreeLabel: { zh: "数值不一致", en: "reports disagree" },
  sourceLine: { zh: "数据来源", en: "Source" },
  period: { zh: "时期", en: "Period" },
  value: { zh: "数值", en: "Value" },
  region: { zh: "地区", en: "District" },
  qualifier: { zh: "限定", en: "Qualifier" },
  kind: { zh: "类型", en: "Kind" },
  subject: { zh: "对象", en: "Subject" },
  source: { zh: "出处", en: "Source" },
  published: { zh: "发布日期", en: "Published" },
  text: { zh: "原文数字", en: "As written" },
  quote: { zh: "原句", en: "Sentence" },
  chartAria: { zh: "{indicator}按地区的时间序列图", en: "{indicator} by district over time" },
  compareAria: { zh: "{indicator}各地区对比({period})", en: "{indicator} by district ({period})" },
  clickHint: {
    zh: "点击图中的点或表格中的行可查看原文。",
    en: "Click a point or a table row to read the article.",
  },
  regionCount: { zh: "已选 {n} / {total}", en: "{n} of {total} selected" },
  groupGdp: { zh: "地区生产总值", en: "GDP" },
  groupInvestment: { zh: "投资", en: "Investment" },
  groupProjects: { zh: "项目", en: "Projects" },
  groupEnterprises: { zh: "企业", en: "Enterprises" },
  groupOutput: { zh: "工业与产值", en: "Output" },
  groupTrade: { zh: "外贸", en: "Trade" },
  firstPublished: { zh: "发布", en: "published" },
  viewAnalyse: { zh: "分析文章", en: "Analyse an article" },
  articleText: { zh: "文章正文", en: "Article text" },
  articlePasteHint: {
    zh: "粘贴文章正文,或将 .txt / .md 文件(UTF-8 或 GB18030)拖放到此处",
    en: "Paste the article's text, or drop a .txt / .md file (UTF-8 or GB18030) here",
  },
  articleOpenFile: { zh: "打开 .txt / .md 文件", en: "Open a .txt / .md file" },
  articleTitle: { zh: "标题(可选)", en: "Title (optional)" },
  articlePublished: { zh: "发布日期", en: "Publication date" },
  articleDateHint: {
    zh: "YYYY-MM-DD 或 YYYY-MM;留空则从正文推断",
    en: "YYYY-MM-DD or YYYY-MM; left empty, it is inferred from the text",
  },
  articleDateInferred: { zh: "从正文推断", en: "inferred from the text" },
  analyse: { zh: "分析", en: "Analyse" },
  analysing: { zh: "正在分析…", en: "Analysing…" },
  bigPaste: {
    zh: "已粘贴 {n} 个字符的长文(不在输入框中显示)",
    en: "A long text of {n} characters was pasted (not shown in the box)",
  },
  clearText: { zh: "清空", en: "Clear" },
  emptyArticle: {
    zh: "没有文字:请粘贴文章正文或拖放文本文件。",
    en: "There is no text: paste an article or drop a text file.",
  },
  unreadableArticle: {
    zh: "无法读取该文件:它不是 UTF-8 或 GB18030 编码的文本",
    en: "The file cannot be read: it is not text in UTF-8 or GB18030",
  },
  noDate: {
    zh: "正文中找不到年份,无法确定时期:请填写发布日期。",
    en: "The text names no year, so periods cannot be placed: enter the publication date.",
  },
  badDate: {
    zh: "发布日期应为 YYYY-MM-DD 或 YYYY-MM:",
    en: "The date should be YYYY-MM-DD or YYYY-MM:",
  },
  noFacts: { zh: "没有找到事实。", en: "No facts found." },
  numbersSeen: { zh: "文中出现的数字({n} 个):", en: "Numbers seen in the text ({n}):" },
  noNumbersSeen: { zh: "文中没有带单位的数字。", en: "The text has no numbers with a unit." },
  factsFound: { zh: "找到 {n} 条事实", en: "{n} facts found" },
  moreFacts: { zh: "再显示 {n} 条", en: "Show {n} more" },
  addToDashboard: { zh: "加入仪表盘(本次会话)", en: "Add to the dashboard (this session)" },
  addedToDashboard: { zh: "已加入仪表盘", en: "Added to the dashboard" },
  // Kept articles (issue 19): saved into data/raw under npm start, else kept in this browser.
  saveArticle: { zh: "保存文章", en: "Save article" },
  deleteArticle: { zh: "删除文章", en: "Delete article" },
  saving: { zh: "正在保存…", en: "Saving…" },
  savedToData: {
    zh: "已保存到 data/raw/{file}，{n} 条事实已加入仪表盘。",
    en: "Saved to data/raw/{file}; its {n} facts are in the dashboard.",
  },
  alreadySaved: {
    zh: "这篇文章已经保存过（{file}）。",
    en: "This article is already kept ({file}).",
  },
  savedInBrowser: {
    zh: "已保存在本浏览器中（{n} 条事实）。",
    en: "Kept in this browser ({n} facts).",
  },
  saveFailed: { zh: "未能保存：", en: "Not saved:" },
  deleteFailed: { zh: "未能删除：", en: "Not deleted:" },
  deletedToTrash: { zh: "已删除，文件移到 {trash}", en: "Deleted; the file is in {trash}" },
  keptArticles: { zh: "已保存的文章", en: "Kept articles" },
  noKeptArticles: { zh: "还没有保存的文章。", en: "No kept articles yet." },
  keptOnServer: {
    zh: "文章保存到 data/raw/（由 npm start 的服务器写入），重新加载和重启服务器后仍在。删除的文章移到 data/trash/。",
    en: "Articles are saved into data/raw/ (written by the npm start server) and are there after a reload or a restart. Deleted ones go to data/trash/.",
  },
  keptInBrowser: {
    zh: "这里没有可写入的服务器（静态文件），文章只保存在本浏览器（IndexedDB）中：换浏览器或清除网站数据会丢失，请下载备份。",
    en: "There is no server to write to here (static files): articles are kept only in this browser (IndexedDB). Another browser, or clearing site data, loses them: download a copy.",
  },
  writesOff: {
    zh: "无法写入服务器：{reason}。文章暂存于本浏览器。",
    en: "Cannot write to the server: {reason}. Articles are kept in this browser meanwhile.",
  },
  articlePublisher: { zh: "来源", en: "Publisher" },
  articleUrl: { zh: "链接", en: "URL" },
  downloadArticle: { zh: "下载文章", en: "Download article" },
  downloadKeptFacts: { zh: "下载全部事实 (CSV)", en: "Download all facts (CSV)" },
  pastedArticles: { zh: "本次会话添加的文章", en: "Articles added in this session" },
  pastedBadge: { zh: "粘贴", en: "pasted" },
  // Reviews (issue 20): a person's decisions about the facts.
  reviewConfirm: { zh: "确认", en: "Confirm" },
  reviewCorrect: { zh: "更正", en: "Correct" },
  reviewReject: { zh: "驳回", en: "Reject" },
  reviewAdd: { zh: "补录", en: "Add" },
  stateUnchecked: { zh: "未核对", en: "unchecked" },
  stateConfirmed: { zh: "已核对", en: "confirmed" },
  stateCorrected: { zh: "已更正", en: "corrected" },
  stateAdded: { zh: "补录", en: "added" },
  stateStale: { zh: "需复核", en: "check again" },
  reviewState: { zh: "核对状态", en: "Review state" },
  allStates: { zh: "全部", en: "All" },
  reviewActions: { zh: "核对", en: "Review" },
  fieldIndicator: { zh: "指标", en: "Indicator" },
  fieldRegion: { zh: "地区", en: "Region" },
  fieldPeriod: { zh: "时期", en: "Period" },
  fieldValue: { zh: "数值", en: "Value" },
  fieldQualifier: { zh: "限定", en: "Qualifier" },
  fieldKind: { zh: "类型", en: "Kind" },
  fieldSubject: { zh: "对象", en: "Subject" },
  fieldNote: { zh: "备注", en: "Note" },
  correctTitle: { zh: "更正数据", en: "Correct a figure" },
  addTitle: { zh: "补录数据", en: "Add a missed figure" },
  formNumber: { zh: "原文数字", en: "Number in the text" },
  save: { zh: "保存", en: "Save" },
  cancel: { zh: "取消", en: "Cancel" },
  formRefused: { zh: "未保存,请修改:", en: "Not saved; please fix:" },
  valueWholeYuan: {
    zh: "人民币金额须为整数元（如 503.23亿元 即 50323000000）",
    en: "an amount in CNY is in whole yuan (503.23亿元 is 50323000000)",
  },
  plausibleWarning: {
    zh: "请核对{field}：{value} 超出{indicator}的常见范围（{low} 至 {high}），可能多写或少写了位数、单位或小数点。尚未保存。",
    en: "Check the {field}: {value} is outside the usual range of {indicator} ({low} to {high}); a digit, unit or decimal point may be off. Not saved yet.",
  },
  plausibleConfirm: {
    zh: "我已对照原文核对，{value} 无误，仍要保存",
    en: "I have checked it against the text: {value} is right; save it anyway",
  },
  queueOpen: { zh: "待核对", en: "To check" },
  queueTitle: { zh: "待核对", en: "Facts to check" },
  queueLeft: { zh: "还剩 {n} 条未核对", en: "{n} left to check" },
  queueDone: { zh: "全部数据均已核对", en: "Every fact has been checked" },
  queueKeys: {
    zh: "快捷键:Y 确认 · C 更正 · R 驳回 · N 下一条 · U 返回上一条",
    en: "Keys: Y confirm · C correct · R reject · N next · U back",
  },
  queueNext: { zh: "下一条", en: "Next" },
  queueBack: { zh: "返回上一条", en: "Back" },
  queueLast: {
    zh: "刚才{action}：{fact}。按 U 返回修改",
    en: "Just {action}: {fact}. Press U to go back and change it",
  },
  stateRejected: { zh: "已驳回", en: "rejected" },
  queueRevisit: {
    zh: "这是刚才核对过的数据（{state}）：可以重新确认、更正或驳回，以最后一次为准。",
    en: "You decided this one just now ({state}): confirm, correct or reject it again; the last decision counts.",
  },
  trustLine: {
    zh: "已核对 {n} 条数据,其中 {m} 条抽取无误",
    en: "of {n} checked facts, {m} were right as extracted",
  },
  trustNone: { zh: "尚未核对任何数据", en: "no fact checked yet" },
  reviewsGone: {
    zh: "{n} 条核对所属的文章已不在，未应用（仍保留在 reviews.csv 中）",
    en: "{n} decisions about articles no longer here: applied to nothing (kept in reviews.csv)",
  },
  reviewsWaiting: {
    zh: "{n} 个核对过的数据在 indicators.csv 中还没有对应的行：已按核对结果显示，下次 npm run extract 写入",
    en: "{n} reviewed numbers have no row in indicators.csv yet: shown as decided; the next npm run extract writes them",
  },
  reviewLine: {
    zh: "reviews.csv 第 {line} 行：{action} {text}（{source}）",
    en: "reviews.csv line {line}: {action} {text} in {source}",
  },
  reviewHistory: { zh: "核对记录", en: "Decisions" },
  extractedValue: { zh: "抽取值", en: "Extracted" },
  reviewedValue: { zh: "核对值", en: "Reviewed" },
  downloadReviews: { zh: "下载 reviews.csv", en: "Download reviews.csv" },
  reviewSaveFailed: { zh: "核对未保存", en: "The decision was not saved" },
  reviewsInBrowser: {
    zh: "核对记录保存在本浏览器中;下载 reviews.csv 放入 data/ 后,npm run extract 会应用它们。",
    en: "Decisions are kept in this browser; download reviews.csv into data/ and npm run extract applies them.",
  },
  reviewsProblems: {
    zh: "reviews.csv 中有无效行(已跳过)",
    en: "Bad rows in reviews.csv (left out)",
  },
  addHint: {
    zh: "在原文中选中漏掉的数字,再点“补录”。",
    en: "Select a number the extractor missed in the text, then Add.",
  },
  pastedArticle: { zh: "粘贴的文章", en: "Pasted article" },
  remove: { zh: "移除", en: "Remove" },
  untitled: { zh: "未命名文章", en: "Untitled article" },
  encodingUsed: { zh: "编码", en: "Encoding" },
  workerTime: { zh: "提取用时 {ms} 毫秒", en: "extracted in {ms} ms" },
} as const satisfies Record<string, Record<Language, string>>;

export type LabelKey = keyof typeof LABELS;

/** A label in the language, with {name} placeholders filled in. */
export function t(
  lang: Language,
  key: LabelKey,
  params: Record<string, string | number> = {},
): string {
  return LABELS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`),
  );
}

export const GROUP_LABEL: Record<IndicatorGroup, LabelKey | undefined> = {
  gdp: "groupGdp",
  investment: "groupInvestment",
  projects: "groupProjects",
  enterprises: "groupEnterprises",
  output: "groupOutput",
  trade: "groupTrade",
};

/** A picker group's label; a group the dictionary does not know yet shows its key. */
export const groupLabel = (lang: Language, group: IndicatorGroup) => {
  const key = GROUP_LABEL[group];
  return key ? t(lang, key) : group;
};

/** Indicator names and count words, from the records the extractor reads too. */
const RECORDS = new Map(INDICATOR_RECORDS.map((r) => [r.key, r]));

export const indicatorName = (lang: Language, indicator: Indicator) =>
  RECORDS.get(indicator)?.names[lang] ?? indicator;

/** The unit a reader sees: money in 亿元 (100 million yuan), counts as 家/个, growth in %. */
export function displayUnit(lang: Language, indicator: Indicator, unit: Unit): string {
  if (unit === "percent") return "%";
  if (unit === "CNY") return lang === "zh" ? "亿元" : "100 million yuan";
  return RECORDS.get(indicator)?.countWord?.[lang] ?? "";
}

export const indicatorLabel = (lang: Language, indicator: Indicator, unit: Unit) =>
  lang === "zh"
    ? `${indicatorName(lang, indicator)}（${displayUnit(lang, indicator, unit)}）`
    : `${indicatorName(lang, indicator)} (${displayUnit(lang, indicator, unit)})`;

const KIND_NAMES: Record<Kind, Record<Language, string>> = {
  actual: { zh: "实际", en: "actual" },
  estimate: { zh: "预计", en: "estimate" },
  target: { zh: "目标", en: "target" },
};
export const kindName = (lang: Language, kind: Kind) => KIND_NAMES[kind][lang];

const QUALIFIER_NAMES: Record<Qualifier, Record<Language, string>> = {
  exact: { zh: "确切", en: "exact" },
  approx: { zh: "约", en: "approx." },
  more_than: { zh: "超过", en: "more than" },
  less_than: { zh: "不到", en: "less than" },
};
export const qualifierName = (lang: Language, qualifier: Qualifier) =>
  QUALIFIER_NAMES[qualifier][lang];

/** The mark put before a hedged value in labels and tooltips. */
export const QUALIFIER_MARK: Record<Qualifier, string> = {
  exact: "",
  approx: "≈",
  more_than: ">",
  less_than: "<",
};

/** English names of the shipped region keys; Chinese names come from data/regions.csv. */
const REGION_EN: Record<string, string> = {
  jiangmen: "Jiangmen (city)",
  pengjiang: "Pengjiang",
  jianghai: "Jianghai",
  xinhui: "Xinhui",
  taishan: "Taishan",
  kaiping: "Kaiping",
  heshan: "Heshan",
  enping: "Enping",
  jiangmen_east: "Jiangmen East",
  jiangmen_west: "Jiangmen West",
};

/** A region's name: from the region table in Chinese; in English from the map, else its key. */
export function regionName(
  lang: Language,
  key: string,
  tableNames: ReadonlyMap<string, string>,
): string {
  if (lang === "en") return REGION_EN[key] ?? key;
  return tableNames.get(key) ?? key;
}

/** A refused field, in words. */
export function describeReason(lang: Language, r: RowReason): string {
  const zh = lang === "zh";
  switch (r.field) {
    case "indicator":
      return zh ? `未知指标 ${r.value}` : `unknown indicator ${r.value}`;
    case "region":
      return zh ? `未知地区 ${r.value}` : `unknown region ${r.value}`;
    case "qualifier":
      return zh ? `未知限定词 ${r.value}` : `unknown qualifier ${r.value}`;
    case "kind":
      return zh ? `未知类型 ${r.value}` : `unknown kind ${r.value}`;
    case "period":
      return zh
        ? `时期 ${r.value} 不符合 YYYY、YYYY-Qn、YYYY-Hn、YYYY-MM、YYYY-MM-DD 或 A/B 格式`
        : `period ${r.value} is not YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM, YYYY-MM-DD or A/B`;
    case "value":
      return zh ? `数值 ${r.value} 不是数字` : `value ${r.value} is not a number`;
    case "published":
      return zh
        ? `发布日期 ${r.value} 不是 YYYY-MM-DD 或 YYYY-MM`
        : `published ${r.value} is not YYYY-MM-DD or YYYY-MM`;
    case "unit":
      return zh ? `单位 ${r.value} 应为 ${r.expected}` : `unit ${r.value} should be ${r.expected}`;
    case "offsets":
      return zh ? `偏移量 ${r.value} 不是有效范围` : `offsets ${r.value} are not a range`;
    case "review":
      return zh ? `未知核对状态 ${r.value}` : `unknown review state ${r.value}`;
  }
}
