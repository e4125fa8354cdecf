interface Props {
  reason: string;
}

/** The library can be read but not changed; editing controls are disabled, and this says why. */
export function ReadOnlyBanner({ reason }: Props) {
  return (
    <div className="banner banner-info" role="status" data-testid="readonly-banner">
      <span className="banner-icon" aria-hidden="true">
        i
      </span>
      <div className="banner-text">
        <strong>This library is read-only.</strong>
        <span className="banner-detail">{reason} You can browse, search, compare and export; tags, notes and status are locked.</span>
      </div>
    </div>
  );
}
