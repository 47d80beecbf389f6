/// Every word of the command language in one place: for "did you mean" suggestions, tab
/// completion and `help`.
public enum Vocabulary {
    /// Words that start a statement.
    public static let commands = [
        "input", "conv", "pool", "relu", "sigmoid", "tanh", "flatten", "fc", "softmax", "summary", "explain",
        "let", "show", "step", "load", "save", "heatmap", "image", "filter", "seed", "undo", "clear", "layers", "net",
        "forward", "predict", "vars", "shape", "stats", "help", "quit", "lesson", "next", "back", "answer", "skip", "hint", "demo", "quiz", "train",
    ]
    /// Other spellings of commands: the parser accepts them, completion offers them, `help`
    /// shows the command's entry.
    public static let aliases = ["exit": "quit"]
    /// Words after `net`.
    public static let netSubcommands = ["example", "save", "load", "export"]
    /// The lecture's networks for `net example NAME`.
    public static let examples = ["one-layer", "simple", "lenet5", "convnetjs-mnist", "convnetjs-cifar10"]
    /// Frameworks for `net export NAME`.
    public static let exportTargets = ["pytorch", "keras"]
    /// 3×3 filter presets for `filter NAME`.
    public static let presets = [
        "vertical", "horizontal", "sobel_x", "sobel_y", "scharr_x", "scharr_y", "laplacian", "box", "gaussian",
        "sharpen", "identity",
    ]
    /// Built-in images for `image sample NAME`.
    public static let samples = ["edges", "checker", "circle", "digit"]
    /// Built-in functions usable in expressions.
    public static let functions = [
        "conv", "maxpool", "avgpool", "relu", "sigmoid", "tanh", "softmax", "conv_backward", "maxpool_backward",
        "avgpool_backward", "zeros", "ones", "range", "randn", "rand", "zero_pad", "conv_single_step",
        "create_mask_from_window", "distribute_value", "log", "exp", "sum", "mean", "cross_entropy",
    ]
    /// Option keywords (written `name=value`) and bare keywords.
    public static let keywords = ["f=", "s=", "p=", "same", "ch=", "style=", "size=", "gray", "resize", "scale=", "all"]
    /// Words after `quiz`.
    public static let quizSubcommands = ["stats", "topics", "stop", "count=", "topic=", "seed=", "from"]
    /// The options of `train` (written `name=value`, and `augment` alone).
    public static let trainOptions = ["dataset", "epochs", "batch", "optimizer", "lr", "momentum", "decay", "seed"]
    /// Heatmap styles for `style=`.
    public static let heatmapStyles = ["blocks", "ascii", "color", "numbers"]
}
