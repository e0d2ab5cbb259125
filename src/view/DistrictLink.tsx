// A link to a district's page: a real address (it can be opened in a new tab or copied), and a
// plain click opens the page in place, pushing history.
import type { MouseEvent, ReactNode } from "react";

export interface DistrictLinkTarget {
  href: (key: string) => string;
  open: (key: string) => void;
  /** The link's accessible name, e.g. "新会区概况". */
  label: (key: string) => string;
}

export function DistrictLink(props: {
  to: DistrictLinkTarget;
  district: string;
  className?: string;
  children: ReactNode;
}) {
  const { to, district } = props;
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    // The row or button around the link must not act on it too.
    e.stopPropagation();
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    to.open(district);
  };
  return (
    <a
      href={to.href(district)}
      className={props.className ?? "district-link"}
      data-district={district}
      aria-label={to.label(district)}
      onClick={onClick}
    >
      {props.children}
    </a>
  );
}
