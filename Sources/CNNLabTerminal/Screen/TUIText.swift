import CNNLabEngine

/// Every word the full-screen TUI shows, in English and Portuguese: pane titles, the hints
/// of empty panes, the key bar, the help overlay and the controller's info lines. Key names
/// (Tab, Esc, PgUp…) and commands (`show A`, `demo`, `quit`) read the same in both languages.
enum TUIText {
    // MARK: Too small

    /// The first line shown when the screen is smaller than the minimum.
    static func tooSmall(width: Int, height: Int, in language: Language) -> String {
        language.pick("terminal too small (needs \(width)×\(height))", "terminal pequeno demais (precisa de \(width)×\(height))")
    }

    /// The second line: the size it has now.
    static func currentSize(width: Int, height: Int, in language: Language) -> String {
        language.pick("now \(width)×\(height)", "agora \(width)×\(height)")
    }

    // MARK: Network

    /// `Network`, or `Network · 280 params` once it has layers (`params` nil: a total too
    /// large to count).
    static func networkTitle(hasLayers: Bool, params: Int?, in language: Language) -> String {
        guard hasLayers else { return language.pick("Network", "Rede") }
        guard let params else { return language.pick("Network · too many params to count", "Rede · parâmetros demais para contar") }
        return language.pick("Network · \(params) params", "Rede · \(params) parâmetros")
    }

    /// What the empty network pane suggests.
    static func noNetwork(in language: Language) -> String {
        language.pick("no network yet; try:", "nenhuma rede ainda; tente:")
    }

    /// The column headers of the network pane: layer, output, parameters.
    static func networkColumns(in language: Language) -> (layer: String, output: String, params: String) {
        language == .en ? ("layer", "output", "params") : ("camada", "saída", "parâm.")
    }

    // MARK: Derivation and lessons

    /// `Derivation: layer 2 (conv)`, or `Derivation` with no layer.
    static func derivationTitle(layer: (index: Int, type: String)?, in language: Language) -> String {
        guard let layer else { return language.pick("Derivation", "Derivação") }
        return language.pick("Derivation: layer \(layer.index) (\(layer.type))", "Derivação: camada \(layer.index) (\(layer.type))")
    }

    /// What the empty derivation pane says.
    static func derivationHint(in language: Language) -> String {
        language.pick(
            "how each shape and parameter count is derived appears here",
            "aqui aparece como cada forma e número de parâmetros é derivado")
    }

    /// The keys under a lesson step.
    static func lessonKeys(in language: Language) -> String {
        language.pick(
            "n next · p back · PgUp/PgDn scroll · : type",
            "n avança · p volta · PgUp/PgDn rola · : digite")
    }

    /// Under a quiz question.
    static func quizAnswerPrompt(in language: Language) -> String {
        language.pick("answer at the command line (skip; quiz stop ends it)", "responda na linha de comando (skip; quiz stop encerra)")
    }

    /// Under an open question.
    static func lessonAnswerPrompt(in language: Language) -> String {
        language.pick("answer at the command line (hint, skip)", "responda na linha de comando (hint, skip)")
    }

    // MARK: Viewer and stepper

    /// `Viewer`, `Viewer: A`, `Viewer: A ch 2/2`.
    static func viewerTitle(tensor: String?, channel: (shown: Int, last: Int)?, in language: Language) -> String {
        var title = language.pick("Viewer", "Visualizador")
        if let tensor { title += ": \(tensor)" }
        if let channel { title += language.pick(" ch", " canal") + " \(channel.shown)/\(channel.last)" }
        return title
    }

    /// What the empty viewer suggests.
    static func viewerHints(in language: Language) -> [String] {
        switch language {
        case .en:
            return [
                "show A or let A = … draws a tensor here;",
                "step A * K steps through a convolution;",
                "demo walks the lecture's edge detector.",
            ]
        case .ptBR:
            return [
                "show A ou let A = … desenha um tensor aqui;",
                "step A * K percorre uma convolução;",
                "demo mostra o detector de borda da aula.",
            ]
        }
    }

    /// `Stepper: conv f=3 s=1 p=0`.
    static func stepperTitle(_ operation: String, in language: Language) -> String {
        language.pick("Stepper: ", "Passo a passo: ") + operation
    }

    // MARK: Output and command line

    /// `Output`, or `Output (12 more below)` when scrolled back.
    static func outputTitle(below: Int, in language: Language) -> String {
        guard below > 0 else { return language.pick("Output", "Saída") }
        return language.pick("Output (\(below) more below)", "Saída (mais \(below) abaixo)")
    }

    /// The command line's hint while the panes have the focus.
    static func commandHint(in language: Language) -> String {
        language.pick(": to type a command", ": para digitar um comando")
    }

    /// The info line when Ctrl-C is pressed at the panes.
    static func interruptHint(in language: Language) -> String {
        language.pick("Ctrl-C does not quit here: press q (or type quit)", "Ctrl-C não sai daqui: tecle q (ou digite quit)")
    }

    /// The output pane's line for a heatmap, drawn in the viewer instead.
    static func heatmapInViewer(_ name: String, shape: String, in language: Language) -> String {
        "heatmap \(name): \(shape) → " + language.pick("viewer", "visualizador")
    }

    // MARK: Key bar and help

    /// A key-bar label.
    enum Action {
        case next, back, finish, leave, run, panes, complete, history, quit, pane, layer, channel, output, command, help
    }

    /// The word the key bar shows for `action`.
    static func label(_ action: Action, in language: Language) -> String {
        switch action {
        case .next: return language.pick("next", "avança")
        case .back: return language.pick("back", "volta")
        case .finish: return language.pick("finish", "termina")
        case .leave: return language.pick("leave", "sai")
        case .run: return language.pick("run", "executa")
        case .panes: return language.pick("panes", "painéis")
        case .complete: return language.pick("complete", "completa")
        case .history: return language.pick("history", "histórico")
        case .quit: return language.pick("quit", "sai")
        case .pane: return language.pick("pane", "painel")
        case .layer: return language.pick("layer", "camada")
        case .channel: return language.pick("channel", "canal")
        case .output: return language.pick("output", "saída")
        case .command: return language.pick("command", "comando")
        case .help: return language.pick("help", "ajuda")
        }
    }

    /// The space bar's name on the key bar.
    static func spaceKey(in language: Language) -> String {
        language.pick("Space", "Espaço")
    }

    /// The help overlay's title.
    static func helpTitle(in language: Language) -> String {
        language.pick("Keys", "Teclas")
    }

    /// Every key and what it does, as `?` and F1 show them.
    static func helpLines(in language: Language) -> [(String, String)] {
        switch language {
        case .en:
            return [
                ("Tab / Shift-Tab", "next / previous pane"),
                ("↑ ↓", "select a layer (network), scroll (output)"),
                ("← → or [ ]", "viewer channel"),
                ("PgUp PgDn", "scroll the output"),
                (":", "type a command (Esc returns to the panes)"),
                ("n p", "next / previous lesson step (→ ← in the lesson pane)"),
                ("q", "quit (at the panes); quit or Ctrl-D at the command line"),
                ("Ctrl-C", "cancels the command line; ignored at the panes"),
                ("step A * K", "then Space/→ next window, ← back, Enter all, Esc leave"),
                ("lesson N", "open lesson N (lesson: the list; demo: vertical edges)"),
                ("? or F1", "this help; any key closes it"),
            ]
        case .ptBR:
            return [
                ("Tab / Shift-Tab", "painel seguinte / anterior"),
                ("↑ ↓", "escolhe a camada (rede), rola (saída)"),
                ("← → ou [ ]", "canal do visualizador"),
                ("PgUp PgDn", "rola a saída"),
                (":", "digita um comando (Esc volta aos painéis)"),
                ("n p", "passo seguinte / anterior da lição (→ ← no painel da lição)"),
                ("q", "sai (nos painéis); quit ou Ctrl-D na linha de comando"),
                ("Ctrl-C", "cancela a linha de comando; ignorado nos painéis"),
                ("step A * K", "depois Espaço/→ próxima janela, ← volta, Enter todas, Esc sai"),
                ("lesson N", "abre a lição N (lesson: a lista; demo: bordas verticais)"),
                ("? ou F1", "esta ajuda; qualquer tecla a fecha"),
            ]
        }
    }
}
