using System.Globalization;
using System.Text.RegularExpressions;

namespace TeamsCrm.Bot.Turns;

/// <summary>
/// Picks the handler for a turn from the routes table: commands by their first words (English or Chinese),
/// card actions by verb, typeahead searches by dataset, and a fallback for free text.
/// </summary>
public sealed partial class Router
{
    readonly List<CommandRoute> _commands = [];
    readonly Dictionary<string, HandlerCall> _verbs = new(StringComparer.Ordinal);
    readonly Dictionary<string, HandlerCall> _searches = new(StringComparer.Ordinal);
    readonly Dictionary<string, HandlerCall> _compose = new(StringComparer.Ordinal);
    HandlerCall? _fallback;
    HandlerCall? _files;
    HandlerCall? _staleCard;
    HandlerCall? _installed;

    /// <summary>The commands in the order they were mapped, for the help card.</summary>
    public IReadOnlyList<CommandRoute> Commands => _commands;
    /// <summary>Every card verb mapped (the hostile-input tests press each one).</summary>
    public IReadOnlyCollection<string> Verbs => _verbs.Keys;
    /// <summary>Every typeahead dataset mapped.</summary>
    public IReadOnlyCollection<string> Datasets => _searches.Keys;

    /// <summary>A command; <paramref name="words"/> are its spellings, the first English. Text after them is the argument.</summary>
    public void Command(string[] words, Delegate handler, bool listed = true) =>
        _commands.Add(new CommandRoute(words, HandlerCall.Bind(handler), listed));

    public void Verb(string verb, Delegate handler) => _verbs.Add(verb, HandlerCall.Bind(handler));
    public void Search(string dataset, Delegate handler) => _searches.Add(dataset, HandlerCall.Bind(handler));
    /// <summary>A message extension's search command (the manifest's composeExtensions), or <see cref="ComposeVerbs.SelectItem"/>.</summary>
    public void Compose(string commandId, Delegate handler) => _compose.Add(commandId, HandlerCall.Bind(handler));
    /// <summary>Every compose-box command mapped (the manifest must declare each).</summary>
    public IReadOnlyCollection<string> ComposeCommands => _compose.Keys;
    public void Fallback(Delegate handler) => _fallback = HandlerCall.Bind(handler);
    /// <summary>A message that came with files (a document, photos): whatever its text says, the files are what it is about.</summary>
    public void Files(Delegate handler) => _files = HandlerCall.Bind(handler);
    public void Installed(Delegate handler) => _installed = HandlerCall.Bind(handler);
    /// <summary>A card action whose verb no route knows: an old card from an earlier version of the bot.</summary>
    public void UnknownVerb(Delegate handler) => _staleCard = HandlerCall.Bind(handler);

    public Task<Reply> RouteAsync(Turn turn, IServiceProvider services, CancellationToken ct)
    {
        switch (turn.Kind)
        {
            case TurnKind.CardAction:
                var byVerb = turn.Verb is not null && _verbs.TryGetValue(turn.Verb, out var v) ? v : _staleCard;
                return Invoke(byVerb, turn, services, ct);
            case TurnKind.Installed:
                return Invoke(_installed, turn, services, ct);
            case TurnKind.Search:
                return turn.Verb is not null && _searches.TryGetValue(turn.Verb, out var s)
                    ? s.InvokeAsync(turn, services, ct)
                    : Task.FromResult(Reply.Search([]));
            case TurnKind.Compose:
                return turn.Verb is not null && _compose.TryGetValue(turn.Verb, out var compose)
                    ? compose.InvokeAsync(turn, services, ct)
                    : Task.FromResult(Reply.ComposeMessage(Cards.T.Get(turn.Culture, "compose.unknownCommand")));
            case TurnKind.Message when turn.Files.Count > 0 && _files is not null:
                return _files.InvokeAsync(turn, services, ct);
            default:
                var (route, argument) = Match(turn.Text);
                return route is null
                    ? Invoke(_fallback, turn, services, ct)
                    : route.Call.InvokeAsync(turn with { Text = argument }, services, ct);
        }
    }

    static Task<Reply> Invoke(HandlerCall? call, Turn turn, IServiceProvider services, CancellationToken ct) =>
        call is null ? Task.FromResult(Reply.None) : call.InvokeAsync(turn, services, ct);

    /// <summary>The longest command spelling the text starts with, and what follows it.</summary>
    (CommandRoute? Route, string Argument) Match(string text)
    {
        var normalized = Whitespace().Replace(text.Trim(), " ");
        CommandRoute? best = null;
        var bestLength = 0;
        foreach (var route in _commands)
        foreach (var word in route.Words)
        {
            if (word.Length <= bestLength || !StartsWithWord(normalized, word)) continue;
            best = route;
            bestLength = word.Length;
        }
        return best is null ? (null, normalized) : (best, normalized[bestLength..].Trim());
    }

    /// <summary>Latin commands end at a space ("helpful" is not "help"); Chinese ones need none ("拜访华为").</summary>
    static bool StartsWithWord(string text, string word)
    {
        if (!text.StartsWith(word, true, CultureInfo.InvariantCulture)) return false;
        if (text.Length == word.Length) return true;
        return text[word.Length] == ' ' || word[^1] > 0x2E7F;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

public sealed record CommandRoute(string[] Words, HandlerCall Call, bool Listed);
