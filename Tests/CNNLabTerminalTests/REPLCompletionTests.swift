import Foundation
import Testing
@testable import CNNLabTerminal

/// Completion as the REPL's Tab key sees it: the whole line, where the word starts (as
/// readline finds it: after an unclosed quote, else after the last word-break character), the word.
private func complete(_ line: String, variables: [String] = [], in directory: String = "/") -> [String] {
    let openQuote = line.lastIndex { $0 == "\"" || $0 == "'" }.flatMap { i in
        line.filter { $0 == line[i] }.count % 2 == 1 ? i : nil
    }
    let breakAt = openQuote ?? line.lastIndex { " ;=(),[]+*/".contains($0) }
    let start = breakAt.map { line.distance(from: line.startIndex, to: $0) + 1 } ?? 0
    return ReplCompleter(variables: variables, workingDirectory: directory)
        .candidates(line: line, wordStart: start, word: String(line.dropFirst(start)))
}

@Test func commandsCompleteAtTheStartOfALine() {
    #expect(complete("sum") == ["summary"])
    #expect(complete("s") == ["save", "seed", "shape", "show", "sigmoid", "skip", "softmax", "stats", "step", "summary"])
    #expect(complete("ex") == ["exit", "explain"])
}

@Test func commandsCompleteAfterASemicolon() {
    #expect(complete("input 39x39x3; co") == ["conv"])
    #expect(complete("input 39x39x3;fla") == ["flatten"])
}

@Test func layerCommandsOfferTheirOptionKeywords() {
    #expect(complete("conv 10 f") == ["f="])
    #expect(complete("conv 10 f=3 sa") == ["same"])
    #expect(complete("conv 10 f=3 p=") == ["same"])
    #expect(complete("conv 10 f=") == [])
    #expect(complete("pool ") == ["avg", "max"])
}

@Test func filterOffersThePresets() {
    #expect(complete("filter sob") == ["sobel_x", "sobel_y"])
    #expect(complete("filter ").count == 11)
}

@Test func netExampleOffersTheLectureNetworks() {
    #expect(complete("net ex") == ["example", "export"])
    #expect(complete("net example convnetjs-") == ["convnetjs-cifar10", "convnetjs-mnist"])
    #expect(complete("net export py") == ["pytorch"])
}

@Test func heatmapStylesCompleteAfterStyleEquals() {
    #expect(complete("heatmap A style=b") == ["blocks"])
}

@Test func variablesAndFunctionsCompleteInExpressions() {
    #expect(complete("show Ker", variables: ["Kernel", "A"]) == ["Kernel"])
    #expect(complete("let B = conv(A, Ker", variables: ["Kernel", "A"]) == ["Kernel"])
    #expect(complete("let B=Ker", variables: ["Kernel"]) == ["Kernel"])
    #expect(complete("show on") == ["ones("])
    #expect(complete("show A*Ker", variables: ["Kernel", "A"]) == ["Kernel"])
}

@Test func predictOffersVariablesAndFunctionsButNoOptions() {
    let all = complete("predict ", variables: ["X"])
    #expect(complete("predict X", variables: ["X", "Xs"]) == ["X", "Xs"])
    #expect(complete("predict ra") == ["rand(", "randn(", "range("])
    #expect(all.contains("X") && !all.contains("f="))
}

@Test func aNewVariableNameIsNotCompleted() {
    #expect(complete("let Ker", variables: ["Kernel"]) == [])
}

@Test func fileNamesCompleteInsideQuotes() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cnnlab-completion-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir + "/images", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for name in ["images/cat.png", "images/car.npy", "imagenet.npy", ".hidden"] {
        #expect(FileManager.default.createFile(atPath: dir + "/" + name, contents: Data()))
    }
    #expect(complete("load X \"ima", in: dir) == ["imagenet.npy", "images/"])
    #expect(complete("load X \"images/ca", in: dir) == ["images/car.npy", "images/cat.png"])
    #expect(complete("load X '", in: dir) == ["imagenet.npy", "images/"])
    #expect(complete("load X \".h", in: dir) == [".hidden"])
    #expect(complete("load X \"\(dir)/images/cat", in: "/") == ["\(dir)/images/cat.png"])
}

@Test func aClosedQuoteEndsFileCompletion() {
    #expect(complete("save A \"a.npy\"; sh") == ["shape", "show"])
}
