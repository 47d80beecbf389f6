import ConvCore

extension Problem {
    var portugueseMessage: String {
        switch self {
        case .unexpectedCharacter(let c): return "caractere inesperado '\(visible(c))'"
        case .unterminatedString: return "texto entre aspas sem fechamento"
        case .numberTooLarge(let s): return "o número \(s) é grande demais"
        case .statementTooLong(let n): return "este comando tem mais de \(Language.ptBR.grouped(n)) caracteres, o máximo que o cnnlab lê"
        case .unknownCommand(let w, _): return "comando desconhecido '\(w)'"
        case .expected(let what, let found):
            let f = found.map { "'\($0)'" } ?? "o fim da linha"
            return "esperava \(what.portuguese), encontrou \(f)"
        case .unknownOption(let c, let o, _): return "'\(c)' não tem a opção '\(o)'"
        case .duplicateOption(let o): return "a opção '\(o)' foi dada duas vezes"
        case .missingOption(let c, let o): return "'\(c)' precisa de \(o)"
        case .invalidOption(let n, let v, let rule): return "\(n)=\(v) não é permitido: \(rule)"
        case .unknownName(let n, let kind, _):
            switch kind {
            case .example: return "não há rede de exemplo '\(n)'"
            case .exportTarget: return "não é possível exportar para '\(n)'"
            case .preset: return "não há filtro pré-definido '\(n)'"
            case .sample: return "não há imagem de exemplo '\(n)'"
            case .helpTopic: return "não há ajuda para '\(n)'"
            }
        case .noInput: return "a rede ainda não tem camada de entrada"
        case .invalidInputShape(let dims):
            return "entrada \(dims.map(String.init).joined(separator: "x")) não é um formato válido: dê n_H×n_W×n_c (ou n_H×n_W, ou o tamanho de um vetor) com todos os tamanhos ≥ 1"
        case .layer(let i, let cmd, let reason): return "camada \(i) (\(cmd)): \(reason.portuguese)"
        case .noSuchLayer(let i, let count):
            return count <= 1 ? "não existe a camada \(i): a rede só tem a entrada" : "não existe a camada \(i): as camadas vão de 0 (entrada) a \(count - 1)"
        case .emptyNetwork: return "a rede está vazia"
        case .interrupted: return "interrompido"
        case .notANetworkFile(let f, let line): return "\(f), linha \(line): um arquivo de rede só contém comandos de camada (input, conv, pool, ...)"
        case .badNetworkFile(let f, let line, let p): return "\(f), linha \(line): \(p.portugueseMessage)"
        case .noActivations: return "ainda não há ativações"
        case .forwardInputShape(let e, let g): return "forward precisa de um tensor com o formato da entrada \(shapeText(e)) (ou um lote m×\(shapeText(e))), recebeu \(shapeText(g))"
        case .predictInputShape(let e, let g): return "predict precisa de um tensor com o formato da entrada \(shapeText(e)) (ou um lote m×\(shapeText(e))), recebeu \(shapeText(g))"
        case .noSoftmaxOutput(let last): return "predict precisa de uma rede que termine em softmax; a última camada dela é \(last)"
        case .image(let p, let r): return "\(p): \(r)"
        case .undefinedVariable(let n, _): return "'\(n)' não está definido"
        case .unknownFunction(let n, _): return "função desconhecida '\(n)'"
        case .raggedLiteral(let e, let g): return "literal irregular: esta linha tem \(g) elementos, a primeira tem \(e)"
        case .tooManyOperators(let n): return "um comando pode ter no máximo \(Language.ptBR.grouped(n)) operadores (+ − * · /)"
        case .expressionTooDeep(let n): return "expressões podem aninhar no máximo \(n) níveis de colchetes, parênteses, chamadas e sinais"
        case .literalTooDeep(let d): return "um literal pode ter no máximo 4 níveis (posto 4); este tem \(d)"
        case .emptyLiteral: return "literal vazio []: um tensor precisa de pelo menos um elemento"
        case .mixedLiteral: return "o literal mistura números e listas no mesmo nível"
        case .nonFiniteLiteral: return "o número não cabe em Float32"
        case .argumentCount(let f, let e, let g): return "\(f) recebe \(e) argumento(s), recebeu \(g)"
        case .unknownArgument(let f, let a, _): return "\(f) não tem o argumento '\(a)'"
        case .tupleArity(let e, let g): return "o lado direito dá \(g) valor(es), mas há \(e) nome(s) à esquerda"
        case .tupleNotAllowed: return "isto dá vários valores: atribua-os com `let a, b, c = ...`"
        case .notAnInteger(let s): return "\(s) precisa ser um número inteiro"
        case .integerTooLarge(let s): return "\(s) é grande demais: um número inteiro aqui pode ter no máximo 2⁵³ = 9.007.199.254.740.992 em valor absoluto"
        case .inexactInteger(let s):
            return "\(s) é calculado com valores de tensores, que são Float32 e só representam todos os inteiros abaixo de 2²⁴ = 16.777.216; este pode ter sido arredondado"
        case .tensor(let op, let err): return "\(op): \(err.portuguese)"
        case .outOfMemory(let op, let needed, let inUse, let limit, let biggest):
            let holders = biggest.map { "\($0.name) \(MemorySize(bytes: $0.bytes).text(in: .ptBR))" }.joined(separator: ", ")
            return "memória insuficiente para \(op): precisa de mais \(MemorySize(bytes: needed).text(in: .ptBR)), e a sessão já ocupa \(MemorySize(bytes: inUse).text(in: .ptBR)) do limite de \(MemorySize(bytes: limit).text(in: .ptBR))"
                + (holders.isEmpty ? "" : " (os maiores: \(holders))")
        case .fileNotFound(let p): return "arquivo não encontrado: \(p)"
        case .fileOutsideLesson(let p, _, let w): return w ? "uma lição não pode gravar \(p)" : "uma lição não pode ler \(p)"
        case .activity(let a): return a.message(in: .ptBR)
        case .dataset(let d): return d.message(in: .ptBR)
        case .modelFile(let m): return m.message(in: .ptBR)
        case .fileUnreadable(let p, let r): return "não foi possível ler \(p): \(r)"
        case .fileUnwritable(let p, let r): return "não foi possível gravar \(p): \(r)"
        case .fileTooLarge(let p, let limit): return "\(p) é maior que \(MemorySize(bytes: limit).text(in: .ptBR)), o máximo que o cnnlab lê para ele"
        case .npyMalformed(let p, let r): return "\(p) não é um arquivo .npy válido: \(r)"
        case .npyUnsupported(let p, let r): return "\(p): conteúdo .npy não suportado: \(r)"
        }
    }

    var portugueseHint: String? {
        switch self {
        case .unknownCommand(_, let s?), .undefinedVariable(_, let s?), .unknownFunction(_, let s?),
            .unknownName(_, _, let s?):
            return "você quis dizer '\(s)'?"
        case .unknownCommand: return "`help` lista os comandos: " + Vocabulary.commands.joined(separator: " ")
        case .unknownOption(_, _, let allowed), .unknownArgument(_, _, let allowed):
            return allowed.isEmpty ? nil : "permitidos: " + allowed.joined(separator: " ")
        case .unknownName(_, let kind, nil): return "uma destas: " + kind.names.joined(separator: " ")
        case .expected(.closingParen, found: ","): return "uma tupla como (2, 2) se escreve como lista: [2, 2]"
        case .noInput: return "comece com uma camada de entrada, por exemplo `input 39x39x3`"
        case .noActivations: return "execute a rede primeiro: `forward X`"
        case .missingOption(let c, _) where c == "conv": return "por exemplo `conv 10 f=3 s=1 p=0`"
        case .missingOption(let c, _) where c == "pool": return "por exemplo `pool max f=2 s=2`"
        case .layer(_, _, .filterTooLarge): return "use um f menor, ou aplique padding à entrada (p=…)"
        case .layer(_, _, .needsSpatialInput): return "convolução e pooling precisam de entrada n_H×n_W×n_c; coloque-os antes de flatten/fc"
        case .layer(_, _, .sameNeedsOddFilter): return "o padding 'same' p=(f−1)/2 só mantém n_H para f ímpar; escolha f ímpar ou dê p"
        case .noSuchLayer: return "`summary` lista as camadas com seus números"
        case .raggedLiteral, .mixedLiteral: return "todas as linhas de um literal de tensor precisam ter o mesmo tamanho e profundidade"
        case .tupleNotAllowed: return "por exemplo `let dA, dW, db = conv_backward(dZ, A, W)`"
        case .tensor(_, .shapeMismatch): return "`shape NOME` mostra o formato de um tensor"
        case .tensor(let f, _) where HelpCatalog.page(for: f) != nil: return "`help \(f)` mostra os argumentos e um exemplo"
        case .argumentCount(let f, _, _) where HelpCatalog.page(for: f) != nil: return "`help \(f)` mostra os argumentos e um exemplo"
        case .notAnInteger: return "escreva um número inteiro, por exemplo 2"
        case .outOfMemory: return "libere memória com `let NOME = 0` numa variável grande ou com `clear vars`, ou inicie o cnnlab com um --memory-limit maior (por exemplo 8G)"
        case .tooManyOperators: return "calcule em etapas com `let`, ou some muitos valores com sum(X)"
        case .statementTooLong: return "divida-o em vários comandos (uma quebra de linha ou ';' encerra um), ou carregue um tensor grande de um arquivo .npy"
        case .integerTooLarge: return "escreva um número inteiro menor, por exemplo 2"
        case .inexactInteger: return "escreva-o só com números inteiros, por exemplo 16777217 ou 2 * n com `let n = 8388609`"
        case .fileNotFound: return "os caminhos são relativos ao diretório onde o cnnlab foi iniciado"
        case .fileOutsideLesson(_, let folder, let w):
            return w ? "uma lição grava só dentro da sua pasta de saída \(folder), com caminhos relativos" : "uma lição lê só arquivos da sua própria pasta \(folder), com caminhos relativos"
        case .activity(let a): return a.hint(in: .ptBR)
        case .dataset(let d): return d.hint(in: .ptBR)
        case .modelFile(let m): return m.hint(in: .ptBR)
        case .predictInputShape: return "um exemplo tem o formato da entrada, um lote tem os exemplos primeiro; `shape X` mostra o formato de X"
        case .noSoftmaxOutput: return "termine a rede com `softmax K` para K classes, por exemplo `softmax 10`"
        default: return nil
        }
    }
}

extension Expectation {
    var portuguese: String {
        switch self {
        case .number: return "um número"
        case .integer: return "um número inteiro"
        case .name: return "um nome"
        case .string: return "um nome de arquivo entre aspas"
        case .expression: return "uma expressão"
        case .shape: return "um formato como 39x39x3"
        case .endOfStatement: return "o fim do comando"
        case .closingBracket: return "']'"
        case .closingParen: return "')'"
        case .equals: return "'='"
        case .poolKind: return "'max' ou 'avg'"
        case .layerIndex: return "o número de uma camada ou 'all'"
        case .answer: return "uma resposta (um número, um formato como 4x4x10 ou o número de uma opção)"
        }
    }
}

extension LayerProblem {
    var portuguese: String {
        switch self {
        case .filterTooLarge(let f, let n, let p, let axis):
            return "o filtro f=\(f) é maior que a entrada com padding: \(axis) + 2p = \(n) + \(2 * p) = \(n + 2 * p)"
        case .strideTooSmall(let s): return "o stride s=\(s) precisa ser pelo menos 1"
        case .negativePadding(let p): return "o padding p=\(p) não pode ser negativo"
        case .notPositive(let name, let v): return "\(name)=\(v) precisa ser pelo menos 1"
        case .needsSpatialInput(let shape): return "precisa de entrada n_H×n_W×n_c, mas a camada anterior dá um vetor de \(shape)"
        case .sameNeedsOddFilter(let f): return "o padding 'same' precisa de filtro de tamanho ímpar, f=\(f)"
        case .overflow: return "os tamanhos são grandes demais para calcular (estouro de inteiro)"
        }
    }
}

extension TensorError {
    /// The error in Portuguese words.
    var portuguese: String {
        switch self {
        case .invalidShape(let s): return "formato inválido \(shapeText(s)) (todo tamanho deve ser ≥ 1 e a contagem deve caber)"
        case .tooLarge(let s, let limit): return "o formato \(shapeText(s)) é grande demais (o cnnlab guarda no máximo \(limit) valores num tensor)"
        case .storageMismatch(let s, let c): return "\(c) valores não preenchem o formato \(shapeText(s))"
        case .rankMismatch(_, let e, let g): return "esperava \(e), recebeu um tensor de formato \(shapeText(g))"
        case .shapeMismatch(_, let l, let r): return "os formatos \(shapeText(l)) e \(shapeText(r)) não combinam"
        case .invalidParameter(_, let n, let v, let reason): return "\(n)=\(v): \(reason)"
        case .indexOutOfRange(let i, let s): return "o índice \(i) está fora do formato \(shapeText(s))"
        }
    }
}
