namespace TeamsCrm.Bot.Domain;

/// <summary>联系人 of a customer.</summary>
public sealed record Contact(
    string Id, string CustomerNumber, string Name, string? Title, string? Phone, string? Email, ContactRole Role);

/// <summary>Primary, secondary, key decision maker, influencer, inside contact (内线), user.</summary>
public enum ContactRole { Primary, Secondary, DecisionMaker, Influencer, InsideContact, User }
