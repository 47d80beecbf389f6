import CNNLabTerminal
import _CCurses

/// Decoding of curses key codes and characters into ``Key``s.
extension CursesScreen {
    /// A function-key code (`KEY_UP`, `KEY_F(1)`, …); nil for keys the TUI does not use.
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        default:
            for n in 1...12 where code == cnn_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    /// A character read by `wget_wch`: controls become named keys.
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A: return Unicode.Scalar(value + 0x60).map { .control(Character($0)) }
        case 0x00..<0x20: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }
}
