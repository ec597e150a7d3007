import GuideDocument

/// What a check run does with its baseline once the findings are known: report entries that
/// no longer match (`--baseline`), prune them (`--update-baseline`), or record the findings
/// (`--write-baseline`). Returns the note for standard error; writes files privately.
package enum BaselineUpkeep {
    /// Entries of the checked files the run's findings no longer fill: pruned when `update`,
    /// else listed (at most 20). `nil` when there is nothing to say.
    package static func review(_ known: Baseline, path: String, findings: [Finding], checked: Set<String>,
                               update: Bool) throws -> String? {
        let stale = known.stale(after: findings, checked: checked)
        if update {
            if !stale.isEmpty {
                try PrivateFiles.write(known.pruned(after: findings, checked: checked).encoded(), to: path, mode: 0o644)
            }
            return "guidekit: pruned \(stale.count) stale entr\(stale.count == 1 ? "y" : "ies") from \(path)\n"
        }
        guard !stale.isEmpty else { return nil }
        var note = "guidekit: \(stale.count) baseline entr\(stale.count == 1 ? "y no longer matches" : "ies no longer match") a finding (fixed since?); prune with --update-baseline:\n"
        for entry in stale.prefix(20) { note += "  \(entry.file) [\(entry.rule)] \(entry.message)\n" }
        if stale.count > 20 { note += "  … and \(stale.count - 20) more\n" }
        return note
    }

    /// Records the run's findings in a new baseline file.
    package static func record(_ findings: [Finding], active: Int, to path: String) throws -> String {
        try PrivateFiles.write(Baseline(findings: findings).encoded(), to: path, mode: 0o644)
        return "guidekit: recorded \(active) finding(s) in \(path)\n"
    }
}
