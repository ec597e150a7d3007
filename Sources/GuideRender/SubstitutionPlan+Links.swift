import GuideDocument
import GuideKnowledge

extension SubstitutionPlan {
    /// Relative links become absolute: a rendered guide is read far from the documentation
    /// tree it was written in, where `../../introduction.md` leads nowhere. Each link (and
    /// each used reference definition) that names an existing page of the guide's tree is
    /// replaced by that page's published URL (`DocsLocation`); a link that names no page is
    /// left as written (`link-target-missing` reports it), as is every link of a guide whose
    /// place is unknown.
    mutating func planLinks() {
        guard let docs = DocsLocation.of(guide) else { return }
        for (link, resolution) in docs.resolvedLinks(of: guide) {
            guard case .found(let path, let fragment) = resolution,
                  let url = docs.tree.permalink(path, fragment: fragment) else { continue }
            edits.append(TextEdit(line: link.location.line, column: link.location.column, length: link.length, replacement: url))
        }
    }
}
