import Foundation

/// Proxmox VE's `/etc/pve/domains.cfg`, read as Proxmox reads it, so a rendered file is
/// proved to mean what the site says before anyone pastes it.
///
/// Source: Proxmox's own code:
/// `PVE::SectionConfig` in proxmox/pve-common (`src/PVE/SectionConfig.pm`: header
/// `^(\S+):\s*(\S+)\s*$`, property lines `^\s+(\S+)(\s+(.*\S))?\s*$`, a section ends at the
/// first empty line, `#` lines are comments, a repeated key is an error) and the realm
/// options in proxmox/pve-access-control (`src/PVE/Auth/Plugin.pm` for the realm name,
/// `src/PVE/Auth/OpenId.pm` for the `openid` keys, their lengths and patterns).
public enum ProxmoxDomainsConfig {
    public struct Section: Sendable, Equatable {
        public var type: String
        public var id: String
        /// 1-based line of the `type: id` header.
        public var line: Int
        /// In file order: key, value (`nil` for a key without value), 1-based line.
        public var properties: [(key: String, value: String?, line: Int)]

        public func value(_ key: String) -> String? {
            properties.first { $0.key == key }?.value ?? nil
        }

        public static func == (lhs: Section, rhs: Section) -> Bool {
            lhs.type == rhs.type && lhs.id == rhs.id && lhs.line == rhs.line
                && lhs.properties.map { "\($0.key)=\($0.value ?? "")@\($0.line)" } == rhs.properties.map { "\($0.key)=\($0.value ?? "")@\($0.line)" }
        }
    }

    /// A line Proxmox would not read as meant.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The sections of `text`, and every problem with them (an empty list: Proxmox reads the
    /// file as written).
    public static func parse(_ text: String) -> (sections: [Section], problems: [Problem]) {
        var sections: [Section] = []
        var problems: [Problem] = []
        var current: Section?
        func close() {
            if let section = current { problems += check(section); sections.append(section) }
            current = nil
        }
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = raw.last == "\r" ? raw.dropLast() : raw
            if line.allSatisfy(\.isWhitespace) { close(); continue }
            let trimmed = line.drop(while: \.isWhitespace)
            if trimmed.hasPrefix("#") { continue }
            if line.first?.isWhitespace == true {
                guard current != nil else {
                    problems.append(Problem(line: number, message: "a property line outside any section (no 'type: id' line before it)"))
                    continue
                }
                let parts = trimmed.split(maxSplits: 1, whereSeparator: \.isWhitespace)
                let key = String(parts[0])
                let value = parts.count > 1 ? String(parts[1].drop(while: \.isWhitespace)) : nil
                if current!.properties.contains(where: { $0.key == key }) {
                    problems.append(Problem(line: number, message: "'\(key)' is set twice in section '\(current!.id)'; Proxmox refuses the second"))
                }
                // Proxmox trims the value's trailing white space: a value ending in one is changed.
                current!.properties.append((key, value.map { String($0.reversed().drop(while: \.isWhitespace).reversed()) }, number))
            } else {
                close()
                let parts = line.split(separator: ":", maxSplits: 1)
                let id = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
                guard parts.count == 2, !parts[0].contains(where: \.isWhitespace), !id.isEmpty, !id.contains(where: \.isWhitespace) else {
                    problems.append(Problem(line: number, message: "'\(line)' is neither a section header ('openid: REALM') nor an indented property"))
                    continue
                }
                current = Section(type: parts[0].lowercased(), id: id, line: number, properties: [])
            }
        }
        close()
        return (sections, problems)
    }

    /// Keys of an `openid` realm (`OpenId.pm` options, plus `default` and `comment` shared
    /// with the other realm types).
    static let openIDKeys: Set<String> = [
        "issuer-url", "client-id", "client-key", "scopes", "default", "autocreate", "username-claim",
        "groups-autocreate", "groups-claim", "groups-overwrite", "prompt", "comment", "acr-values",
        "query-userinfo", "audiences",
    ]
    static let booleanKeys: Set<String> = ["default", "autocreate", "groups-autocreate", "groups-overwrite", "query-userinfo"]

    /// What Proxmox would refuse or change in one section.
    static func check(_ section: Section) -> [Problem] {
        var problems: [Problem] = []
        func problem(_ line: Int, _ message: String) { problems.append(Problem(line: line, message: message)) }
        // Realm names: `Plugin.pm`'s realm regex and length; `pam` and `pve` are built in.
        if !AssumptionValue.isRealm(section.id) {
            problem(section.line, "'\(section.id)' is not a realm name Proxmox accepts: a letter, then letters, digits, '.', '-' or '_', 2 to 32 characters")
        }
        guard section.type == "openid" else { return problems }
        for required in ["issuer-url", "client-id"] where section.value(required) == nil {
            problem(section.line, "realm '\(section.id)' has no '\(required)', which Proxmox requires for an openid realm")
        }
        for (key, value, line) in section.properties {
            guard openIDKeys.contains(key) else {
                let suggestion = Suggestion.closest(to: key, in: openIDKeys.sorted()).map { " — did you mean '\($0)'?" } ?? ""
                problem(line, "'\(key)' is not an option of an openid realm; Proxmox drops it\(suggestion)")
                continue
            }
            guard let value else {
                problem(line, "'\(key)' has no value")
                continue
            }
            if let bad = value.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
                problem(line, "'\(key)' contains the control character '\(bad.escaped(asASCII: true))'")
                continue
            }
            let length = value.unicodeScalars.count
            switch key {
            case "issuer-url", "client-id", "client-key":
                if length > 256 { problem(line, "'\(key)' has \(length) characters; Proxmox allows at most 256") }
            case "comment":
                if length > 4096 { problem(line, "'comment' has \(length) characters; Proxmox allows at most 4096") }
            case "groups-claim":
                if length > 256 || !value.unicodeScalars.allSatisfy({ $0.isASCIIAlphanumeric || ".-_".unicodeScalars.contains($0) }) {
                    problem(line, "'groups-claim' must be letters, digits, '.', '-' and '_' (at most 256)")
                }
            case "acr-values", "audiences":
                // `^[^\x00-\x1F\x7F <>#"]*$`
                if value.unicodeScalars.contains(where: { " <>#\"\u{7F}".unicodeScalars.contains($0) }) {
                    problem(line, "'\(key)' must not contain spaces, '<', '>', '#' or '\"' (separate values with ',' or ';')")
                }
            case "prompt":
                if value.contains(where: \.isWhitespace) { problem(line, "'prompt' is one value without spaces") }
            case _ where booleanKeys.contains(key):
                if value != "0" && value != "1" { problem(line, "'\(key)' is written as 1 or 0 (found '\(value)')") }
            default:
                break
            }
        }
        return problems
    }
}
