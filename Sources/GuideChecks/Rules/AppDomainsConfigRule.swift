import GuideDocument
import GuideKnowledge

/// `app-domains-cfg`: a Proxmox `domains.cfg` block is read by Proxmox as the guide means it.
struct AppDomainsConfigRule: GuideRule {
    static let description = RuleDescription(
        id: "app-domains-cfg",
        kind: .crossCheck,
        severity: .error,
        summary: "A Proxmox VE domains.cfg block that Proxmox would refuse or read differently.",
        explanation: """
            Proxmox VE keeps its realms in /etc/pve/domains.cfg, a section format read by \
            PVE::SectionConfig: a 'type: id' header, then one indented 'key value' line per \
            option, until an empty line. Proxmox drops unknown keys with only a log warning, \
            refuses a key set twice, requires 'issuer-url' and 'client-id' for an openid realm, \
            writes booleans as 1 or 0 and limits lengths and characters of several options \
            (proxmox/pve-common src/PVE/SectionConfig.pm; proxmox/pve-access-control \
            src/PVE/Auth/OpenId.pm and Plugin.pm). A block marked format="domains.cfg" is read \
            the same way, and `guidekit render` refuses to write one that Proxmox would misread.
            """,
        reads: [.codeBlocks],
        basis: [RuleBasis(.application, "Proxmox VE's domains.cfg format, pve-access-control src/PVE/Auth/OpenId.pm and PVE/Auth/Plugin.pm (docs/PROFILES.md)")],
        triggeringExamples: [
            """
            ```text {format="domains.cfg"}
            openid: authelia
            \t↓client_id proxmox
            \tclient-id proxmox
            \tissuer-url https://auth.example.com
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```text {format="domains.cfg"}
            openid: authelia
            \tclient-id proxmox
            \tissuer-url https://auth.example.com
            \tautocreate 1
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        var findings: [Finding] = []
        for block in guide.codeBlocks where block.info.value(of: "format") == "domains.cfg" {
            let lines = block.content.lines()
            for problem in ProxmoxDomainsConfig.parse(block.content).problems where problem.line <= lines.count {
                let line = block.contentFirstLine + problem.line - 1
                let content = lines[problem.line - 1]
                // Past the container prefix and the indentation: at the key.
                let prefix = guide.source.originalLine(line).unicodeScalars.count - content.unicodeScalars.count
                let indent = content.prefix { $0 == " " || $0 == "\t" }.unicodeScalars.count
                let word = content.dropFirst(indent).prefix { $0 != " " && $0 != "\t" }
                findings.append(finding(guide, at: SourceLocation(line: line, column: prefix + indent + 1),
                                        length: max(1, word.unicodeScalars.count), problem.message))
            }
        }
        return findings
    }
}
