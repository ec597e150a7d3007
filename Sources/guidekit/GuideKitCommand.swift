import ArgumentParser

@main
struct GuideKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guidekit",
        abstract: "Keeps identity-provider integration guides correct.",
        discussion: """
            GuideKit reads Markdown guides such as "log in to Proxmox VE through Authelia", \
            extracts the stated assumptions, the Authelia client YAML and the application's \
            settings, and reports where they disagree, like a compiler.

            Exit status: 0 no error-level finding, 1 at least one error-level finding, \
            2 usage or input failure (missing file, unreadable, not UTF-8).
            """,
        subcommands: [CheckCommand.self, ExtractCommand.self, RulesCommand.self, ExplainCommand.self],
        defaultSubcommand: nil
    )
}
