using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Cards;

/// <summary>
/// What a form shows: the values (typed so far, or the defaults of a fresh form) and, per field, what the
/// server found wrong. A submitted card's data is its values, so a refused form comes back exactly as typed.
/// </summary>
public sealed record FormState(JsonObject Values, IReadOnlyDictionary<string, string> Errors)
{
    public static FormState Fresh(params (string Id, string? Value)[] defaults) => Of(defaults.Select(d => KeyValuePair.Create(d.Id, d.Value)));

    /// <summary>A form showing these values (empty where null), with these errors or none.</summary>
    public static FormState Of(IEnumerable<KeyValuePair<string, string?>> values, IReadOnlyDictionary<string, string>? errors = null) =>
        new(Json(values), errors ?? new Dictionary<string, string>());

    /// <summary>Field id → text, as card data and inputs carry values; nulls left out.</summary>
    public static JsonObject Json(IEnumerable<KeyValuePair<string, string?>> values)
    {
        var json = new JsonObject();
        foreach (var (id, value) in values)
            if (value is not null) json[id] = value;
        return json;
    }

    public string? this[string id] => Values[id] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    public string? ErrorOf(string id) => Errors.GetValueOrDefault(id);
}

/// <summary>Adds inputs to a card with their values from a <see cref="FormState"/> and the message beside each bad one.</summary>
public sealed class FormFields(Card card, CultureInfo c, FormState state)
{
    /// <summary>The banner on top of a refused form: <paramref name="notice"/> when given, else "correct the fields marked"; nothing for a fresh form.</summary>
    public FormFields Banner(string? notice = null)
    {
        if (notice is not null) card.Warning(notice);
        else if (state.Errors.Count > 0) card.Warning(T.Get(c, "form.fixBelow"));
        return this;
    }

    public FormFields Text(string id, string label, bool required = false, int maxLength = Limits.SingleLine, string? style = null, string? placeholder = null) =>
        Add(Inputs.Text(c, id, label, state[id], required, maxLength, style, placeholder));

    public FormFields MultiLine(string id, string label, bool required = false, int maxLength = Limits.Description) =>
        Add(Inputs.MultiLine(c, id, label, state[id], required, maxLength));

    public FormFields Amount(string id, string label, bool required = false) => Add(Inputs.Amount(c, id, label, state[id], required));

    public FormFields Date(string id, string label, bool required = false) => Add(Inputs.Date(c, id, label, state[id], required));

    public FormFields Choice(string id, string label, IEnumerable<(string Title, string Value)> choices, bool required = false) =>
        Add(Inputs.Choice(c, id, label, choices, state[id], required));

    public FormFields Time(string id, string label, bool required = false) => Add(Inputs.Time(c, id, label, state[id], required));

    public FormFields Toggle(string id, string label, string title) => Add(Inputs.Toggle(c, id, label, title, state[id]));

    public FormFields Search(string id, string label, IEnumerable<(string Title, string Value)> choices, string dataset, bool required = false,
        string? placeholder = null) => Add(Inputs.Search(c, id, label, choices, dataset, state[id], required, placeholder));

    FormFields Add(JsonObject input)
    {
        card.Add(input);
        if (state.ErrorOf((string)input["id"]!) is { } error) card.Add(Inputs.Error(error));
        return this;
    }
}
