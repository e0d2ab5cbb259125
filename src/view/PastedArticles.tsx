// The articles added from the 分析文章 panel in this session, each removable again.
import type { PastedArticle } from "../model/pasted.ts";
import { t } from "../i18n/dictionary.ts";
import type { Language } from "../state/viewState.ts";

export function PastedArticles(props: {
  lang: Language;
  articles: readonly PastedArticle[];
  onRemove: (source: string) => void;
}) {
  const { lang, articles } = props;
  if (!articles.length) return null;
  return (
    <div className="control pasted-articles" data-testid="pasted-articles">
      <h3>{t(lang, "pastedArticles")}</h3>
      <ul>
        {articles.map((a) => (
          <li key={a.source} data-source={a.source}>
            <span className="pasted-badge">{t(lang, "pastedBadge")}</span> {a.title} ·{" "}
            {t(lang, "factsFound", { n: a.facts.length })}{" "}
            <button
              type="button"
              aria-label={`${t(lang, "remove")} ${a.title}`}
              onClick={() => props.onRemove(a.source)}
            >
              {t(lang, "remove")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
