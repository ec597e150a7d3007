/// Picks the reader for an application-settings block by its `format` attribute or language.
enum AppConfigReader {
    static func settings(in block: CodeBlock, map: BlockLineMap, blockIndex: Int) -> [AppSetting] {
        let written = settingsAsWritten(in: block, map: map, blockIndex: blockIndex)
        // JSON inside a value (an environment variable holding a provider list) is read too.
        return written + JSONSettingsReader.embeddedSettings(in: written, map: map)
    }

    private static func settingsAsWritten(in block: CodeBlock, map: BlockLineMap, blockIndex: Int) -> [AppSetting] {
        let format = block.info.value(of: "format")?.lowercased() ?? block.language ?? ""
        switch format {
        case "ini", "toml", "cfg", "conf", "properties":
            return IniReader.settings(in: map, blockIndex: blockIndex)
        case "json", "jsonc", "json5":
            return JSONSettingsReader.settings(in: map, blockIndex: blockIndex)
        case "yaml", "yml":
            guard case .success(let documents)? = block.yaml else { return [] }
            return YAMLSettingsReader.settings(in: documents, map: map, blockIndex: blockIndex)
        case "php", "python", "py", "js", "javascript", "ts", "typescript", "ruby", "rb", "exs", "elixir", "ex", "xml", "go":
            return AssignmentReader.settings(in: map, blockIndex: blockIndex)
        default:
            // `Key: value` / `KEY=value` lines, and Proxmox's domains.cfg.
            return ConfigLineReader.settings(in: block, map: map, blockIndex: blockIndex)
        }
    }
}
