// 分析文章: an article pasted or dropped → its facts, by the extractor in a worker. Loaded on first
// use (with its worker), so the dashboard's first page does not carry the extractor. The article
// is shown as text only (React text nodes, never HTML) with the numbers of its facts marked.
import {
  Fragment,
  memo,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
} from "react";
import type { Region } from "../../extract/lib/index.ts";
import { useArticleAnalysis, type ArticleInput } from "../hooks/useArticleAnalysis.ts";
import {
  blockTouches,
  markSentence,
  markText,
  sentenceSpan,
  type Block,
  type Span,
} from "../article/highlight.ts";
import { factAsRow, type PastedArticle } from "../model/pasted.ts";
import { factsToCsv } from "../model/csvExport.ts";
import { displayUnit, indicatorName, kindName, qualifierName, t } from "../i18n/dictionary.ts";
import { displayValue, markedValue } from "../chart/format.ts";
import type { Language } from "../state/viewState.ts";
import { safeFileName, saveBlob } from "./download.ts";
import type { SourceInfo } from "../data/metadata.ts";
import { isPageFile } from "../../extract/lib/index.ts";
import { KeptArticles } from "../keep/KeptArticles.tsx";
import { SaveArticle } from "../keep/SaveArticle.tsx";

/** Pastes longer than this go straight to the extractor and are not put into the text box. */
const BIG_PASTE = 100_000;
/** Blocks of article text drawn per task (of BLOCK_CHARS characters each). */
const BLOCKS_PER_TASK = 60;
/** Facts listed at first; the rest one click away, so a huge article lists quickly. */
const LIST_STEP = 200;

export default function AnalysePanel(props: {
  lang: Language;
  regions: Region[];
  regionName: (key: string) => string;
  added: ReadonlySet<string>;
  onAdd: (article: PastedArticle) => void;
  /** sources.csv, for the list of kept articles; removal of a browser-kept article's facts. */
  sources: ReadonlyMap<string, SourceInfo>;
  onRemove: (source: string) => void;
}) {
  const { lang } = props;
  const { result, analyse, reset } = useArticleAnalysis(props.regions);
  const [text, setText] = useState("");
  /** A long pasted text, kept out of the text box. */
  const [bigText, setBigText] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [published, setPublished] = useState("");
  const [emptyInput, setEmptyInput] = useState(false);
  /** The file dropped or opened, kept as it is by 保存文章 (until the text is edited). */
  const [droppedFile, setDroppedFile] = useState<File | null>(null);
  const ids = { text: useId(), title: useId(), date: useId(), file: useId(), hint: useId() };

  const run = (input: ArticleInput, date = published) => {
    setEmptyInput(input.kind === "text" && !input.text.trim());
    if (input.kind === "text" && !input.text.trim()) {
      reset();
      return;
    }
    void analyse(input, date);
  };
  const runText = (date = published) => {
    // A dropped file is analysed again from its decoded text (a new date, a second look).
    const decoded = result.status === "done" && result.fileName ? result.text : null;
    run({ kind: "text", text: bigText ?? decoded ?? text }, date);
  };
  const openFile = (file: File) => {
    setText("");
    setBigText(null);
    setPublished("");
    setDroppedFile(file);
    // A web page's title comes from its metadata; a text file is named by its file name.
    setTitle(isPageFile(file.name) ? "" : file.name.replace(/\.[^.]+$/, ""));
    run({ kind: "file", file }, "");
  };
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData("text/plain");
    if (pasted.length < BIG_PASTE) return;
    e.preventDefault();
    setText("");
    setDroppedFile(null);
    setBigText(pasted);
    setPublished("");
    run({ kind: "text", text: pasted }, "");
  };
  const onDrop = (e: DragEvent<HTMLElement>) => {
    const file = e.dataTransfer.files[0];
    if (!file) return;
    // Not the page's CSV drop: this file is an article.
    e.preventDefault();
    e.stopPropagation();
    openFile(file);
  };

  // The date field shows the date used once an article is analysed, unless the user set one.
  const done = result.status === "done" ? result : null;
  const dateShown = published || done?.analysis.published || "";
  const dateInferred = !published && !!done?.analysis.publishedGuessed && !!dateShown;

  return (
    <div className="analyse" data-testid="analyse">
      <form
        className="analyse-form"
        onSubmit={(e) => {
          e.preventDefault();
          runText();
        }}
      >
        <label htmlFor={ids.text}>{t(lang, "articleText")}</label>
        {bigText !== null ? (
          <p className="big-paste" data-testid="big-paste">
            {t(lang, "bigPaste", { n: bigText.length })}{" "}
            <button
              type="button"
              onClick={() => {
                setBigText(null);
                reset();
              }}
            >
              {t(lang, "clearText")}
            </button>
          </p>
        ) : null}
        <textarea
          id={ids.text}
          data-testid="article-input"
          rows={8}
          value={text}
          aria-describedby={ids.hint}
          placeholder={t(lang, "articlePasteHint")}
          onChange={(e) => {
            setText(e.target.value);
            setBigText(null);
            setDroppedFile(null);
          }}
          onPaste={onPaste}
          onDragOver={(e) => e.preventDefault()}
          onDrop={onDrop}
        />
        <p className="hint" id={ids.hint}>
          {t(lang, "articlePasteHint")} ·{" "}
          <label htmlFor={ids.file} className="file-button">
            {t(lang, "articleOpenFile")}
          </label>
        </p>
        <input
          id={ids.file}
          className="visually-hidden"
          type="file"
          accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html"
          data-testid="article-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) openFile(file);
            e.target.value = "";
          }}
        />
        <div className="analyse-fields">
          <div className="control">
            <label htmlFor={ids.title}>{t(lang, "articleTitle")}</label>
            <input
              id={ids.title}
              type="text"
              data-testid="article-title"
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div className="control">
            <label htmlFor={ids.date}>
              {t(lang, "articlePublished")}
              {dateInferred ? (
                <span className="hint" data-testid="date-inferred">
                  {" "}
                  ({t(lang, "articleDateInferred")})
                </span>
              ) : null}
            </label>
            <input
              id={ids.date}
              type="text"
              inputMode="numeric"
              data-testid="article-date"
              placeholder="YYYY-MM-DD"
              title={t(lang, "articleDateHint")}
              value={dateShown}
              maxLength={10}
              onChange={(e) => {
                const date = e.target.value.trim();
                setPublished(date);
                // A complete date re-reads the article at once; a partial one waits.
                if (done && /^\d{4}-\d{2}(-\d{2})?$/.test(date)) runText(date);
              }}
            />
          </div>
          <button type="submit" className="primary" data-testid="analyse-button">
            {t(lang, "analyse")}
          </button>
        </div>
      </form>
      <Outcome
        lang={lang}
        result={result}
        emptyInput={emptyInput}
        title={title}
        published={published}
        file={droppedFile}
        regionName={props.regionName}
        added={props.added}
        onAdd={props.onAdd}
        onRemove={props.onRemove}
      />
      <KeptArticles lang={lang} sources={props.sources} onRemove={props.onRemove} />
    </div>
  );
}

function Outcome(props: {
  lang: Language;
  result: ReturnType<typeof useArticleAnalysis>["result"];
  emptyInput: boolean;
  title: string;
  published: string;
  file: File | null;
  regionName: (key: string) => string;
  added: ReadonlySet<string>;
  onAdd: (article: PastedArticle) => void;
  onRemove: (source: string) => void;
}) {
  const { lang, result } = props;
  if (props.emptyInput)
    return (
      <p role="alert" className="problem" data-testid="article-problem">
        {t(lang, "emptyArticle")}
      </p>
    );
  if (result.status === "idle") return null;
  if (result.status === "busy")
    return (
      <p role="status" data-testid="article-busy">
        {t(lang, "analysing")}
      </p>
    );
  if (result.status === "unreadable")
    return (
      <p role="alert" className="problem" data-testid="article-problem">
        {t(lang, "unreadableArticle")} ({result.fileName}: {result.reason})
      </p>
    );
  if (result.status === "failed")
    return (
      <p role="alert" className="problem" data-testid="article-problem">
        {result.message}
      </p>
    );
  return <Analysed key={result.source} {...props} result={result} />;
}

function Analysed(props: {
  lang: Language;
  result: Extract<ReturnType<typeof useArticleAnalysis>["result"], { status: "done" }>;
  title: string;
  published: string;
  file: File | null;
  regionName: (key: string) => string;
  added: ReadonlySet<string>;
  onAdd: (article: PastedArticle) => void;
  onRemove: (source: string) => void;
}) {
  const { lang, result } = props;
  const { analysis, text } = result;
  const facts = analysis.facts;
  const [picked, setPicked] = useState<number | null>(null);
  const [listed, setListed] = useState(LIST_STEP);
  const sentence = useMemo(
    () => (picked !== null && facts[picked] ? sentenceSpan(text, facts[picked]) : null),
    [picked, facts, text],
  );
  // The blocks are cut once per answer; picking a fact redraws only the blocks of its sentence.
  const blocks = useMemo(() => markText(text, facts), [text, facts]);
  const textBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (picked === null) return;
    textBox.current?.querySelector("mark.sentence")?.scrollIntoView({ block: "center" });
  }, [picked, sentence]);

  const problem = analysis.problem;
  const title = props.title.trim() || result.pageTitle || result.fileName || t(lang, "untitled");
  const isAdded = props.added.has(result.source);
  const downloadCsv = () => {
    const csv = factsToCsv(facts.map(factAsRow));
    saveBlob(
      new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" }),
      `${safeFileName(title)}.csv`,
    );
  };

  return (
    <div className="analysed" data-testid="analysed" data-source={result.source}>
      {problem?.kind === "empty" ? (
        <p role="alert" className="problem" data-testid="article-problem">
          {t(lang, "emptyArticle")}
        </p>
      ) : null}
      {problem?.kind === "bad-date" ? (
        <p role="alert" className="problem" data-testid="article-problem">
          {t(lang, "badDate")} {problem.value}
        </p>
      ) : null}
      {problem?.kind === "no-date" ? (
        <p role="alert" className="problem" data-testid="article-problem">
          {t(lang, "noDate")}
        </p>
      ) : null}
      {problem?.kind === "no-facts" || (problem?.kind === "no-date" && analysis.unusedCount) ? (
        <div role="alert" className="problem" data-testid="article-problem">
          {problem.kind === "no-facts" ? <p>{t(lang, "noFacts")}</p> : null}
          {analysis.unusedCount ? (
            <>
              <p>{t(lang, "numbersSeen", { n: analysis.unusedCount })}</p>
              <ul className="numbers-seen" data-testid="numbers-seen">
                {analysis.unused.map((n) => (
                  <li key={n.start}>{n.text}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t(lang, "noNumbersSeen")}</p>
          )}
        </div>
      ) : null}
      {text.trim() ? (
        <SaveArticle
          lang={lang}
          source={result.source}
          text={text}
          facts={facts}
          file={props.file}
          title={props.title.trim() || result.pageTitle || ""}
          published={props.published || result.pagePublished || ""}
          onAdd={props.onAdd}
          onSavedToData={() => {
            // Its facts now come with data/ (or its copy kept in this browser): the session's copy
            // would count them twice.
            if (props.added.has(result.source)) props.onRemove(result.source);
          }}
        />
      ) : null}
      {facts.length ? (
        <>
          <div className="analysed-tools">
            <span data-testid="facts-found" data-ms={result.ms.toFixed(1)}>
              {t(lang, "factsFound", { n: facts.length })}
              <span className="hint">
                {" "}
                · {t(lang, "workerTime", { ms: Math.round(result.ms) })}
                {result.encoding ? ` · ${t(lang, "encodingUsed")} ${result.encoding}` : ""}
              </span>
            </span>
            <button
              type="button"
              className="primary"
              data-testid="add-facts"
              disabled={isAdded}
              onClick={() =>
                props.onAdd({
                  source: result.source,
                  title,
                  text,
                  published: analysis.published,
                  facts,
                })
              }
            >
              {isAdded ? t(lang, "addedToDashboard") : t(lang, "addToDashboard")}
            </button>
            <button type="button" data-testid="article-csv" onClick={downloadCsv}>
              {t(lang, "downloadCsv")}
            </button>
          </div>
          <div className="table-scroll">
            <table className="article-facts" data-testid="article-facts">
              <thead>
                <tr>
                  <th scope="col">{t(lang, "indicator")}</th>
                  <th scope="col">{t(lang, "region")}</th>
                  <th scope="col">{t(lang, "period")}</th>
                  <th scope="col">{t(lang, "value")}</th>
                  <th scope="col">{t(lang, "qualifier")}</th>
                  <th scope="col">{t(lang, "kind")}</th>
                  <th scope="col">{t(lang, "subject")}</th>
                  <th scope="col">{t(lang, "text")}</th>
                </tr>
              </thead>
              <tbody>
                {facts.slice(0, listed).map((f, i) => (
                  <tr
                    key={f.id}
                    data-fact={i}
                    aria-selected={picked === i}
                    className={picked === i ? "picked" : undefined}
                  >
                    <td>
                      <button type="button" className="link" onClick={() => setPicked(i)}>
                        {indicatorName(lang, f.indicator)}
                      </button>
                    </td>
                    <td data-col="region">{props.regionName(f.region)}</td>
                    <td data-col="period">{f.period}</td>
                    <td className="number" data-col="value">
                      {markedValue(displayValue(f.value, f.unit), f.qualifier, lang)}{" "}
                      {displayUnit(lang, f.indicator, f.unit)}
                    </td>
                    <td>{qualifierName(lang, f.qualifier)}</td>
                    <td>{kindName(lang, f.kind)}</td>
                    <td className="subject">{f.subject}</td>
                    <td data-col="text">{f.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {facts.length > listed ? (
            <button type="button" onClick={() => setListed((n) => n + LIST_STEP)}>
              {t(lang, "moreFacts", { n: Math.min(LIST_STEP, facts.length - listed) })}
            </button>
          ) : null}
        </>
      ) : null}
      <ArticleText
        blocks={blocks}
        length={text.length}
        sentence={sentence}
        label={title}
        box={textBox}
      />
    </div>
  );
}

/** The article in blocks the browser lays out only near the screen (content-visibility). */
function ArticleText(props: {
  blocks: Block[];
  length: number;
  sentence: Span | null;
  label: string;
  box: React.RefObject<HTMLDivElement | null>;
}) {
  const { blocks, sentence } = props;
  // A long article is drawn a few blocks per task, so no task blocks the page; a picked sentence
  // further down is drawn at once.
  const [drawn, setDrawn] = useState(BLOCKS_PER_TASK);
  const needed = sentence
    ? blocks.findIndex((b, i) => (blocks[i + 1]?.start ?? props.length) > sentence.start) + 1
    : 0;
  const shown = Math.max(drawn, needed);
  useEffect(() => {
    if (shown >= blocks.length) return;
    const timer = setTimeout(() => setDrawn(shown + BLOCKS_PER_TASK), 0);
    return () => clearTimeout(timer);
  }, [shown, blocks.length]);
  return (
    <div
      className="article-text analysed-text"
      tabIndex={0}
      aria-label={props.label}
      data-testid="article-text"
      ref={props.box}
    >
      {blocks.slice(0, shown).map((b, i) => {
        const end = blocks[i + 1]?.start ?? props.length;
        return (
          <BlockText
            key={b.start}
            block={b}
            sentence={blockTouches(b, end, sentence) ? sentence : null}
          />
        );
      })}
    </div>
  );
}

const BlockText = memo(function BlockText(props: { block: Block; sentence: Span | null }) {
  return (
    <div className="article-block">
      {markSentence(props.block, props.sentence).map((p) => {
        const number = p.facts ? (
          <mark className="number" key={p.start} data-facts={p.facts.join(" ")}>
            {p.text}
          </mark>
        ) : null;
        if (p.sentence)
          return (
            <mark className="sentence" key={p.start}>
              {number ?? p.text}
            </mark>
          );
        return number ?? <Fragment key={p.start}>{p.text}</Fragment>;
      })}
    </div>
  );
});
