using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.Plans;

/// <summary>Add the add row, remove a visit, submit, add a Suggested customer at one press, or save only the action plan.</summary>
public enum PlanChange { Add, Remove, Submit, AddSuggested, SaveActions }

/// <summary>
/// One change to a week's plan, stored at once: add a visit, remove one, or submit (a filled-in add row is added
/// first). A change to a submitted or approved plan takes it back to draft: an approval covers the plan that
/// was approved, and it goes to review again when submitted. The same card pressed twice changes it once.
/// </summary>
static class PlanChanges
{
    public static async Task<Reply> ApplyAsync(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, ApprovalDesk approvals, TimeProvider clock,
        DownloadLinks links, PlanChange change, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (PlanHandler.Refusal(me) is { } refusal) return Reply.ReplaceCard(PlanCards.NotAllowed(c, refusal));
        if (PlanForm.Frame.From(turn) is not { } frame) return Reply.Text(T.Get(c, "help.staleCard"));
        if (!PlanPages.WeeksOpen(clock.GetUtcNow(), turn.TimeZone).Contains(frame.Week)) return Reply.Text(T.Get(c, "plans.weekClosed"));

        var stored = await archive.Visits.PlanAsync(me!.AadObjectId, frame.Week, ct);
        var typed = new FormState(turn.Data, new Dictionary<string, string>());
        if (stored is not null && stored.SubmissionId == frame.SubmissionId)   // this very card was applied already: show the result again
            return Reply.ReplaceCard(await AgainAsync(turn, me, stored, archive, due, directory, approvals, clock, links, ct));
        if ((stored?.Version ?? "") != frame.Version)
            return Reply.ReplaceCard(await PlanPages.EditorAsync(turn, me, frame.Week, stored, typed, T.Get(c, "plans.conflict"), archive, due, clock, ct));

        var items = (stored?.Items ?? []).ToList();
        var form = new FormReader(turn.Data, c);
        Customer? customer = null;
        if (change == PlanChange.Remove) items.RemoveAll(i => i.Id == turn.DataString("item"));
        else if (change == PlanChange.AddSuggested)
        {
            if (items.Count >= PlanForm.MaxItems) form.Fail(PlanForm.Customer, "plans.full");
            else if (await SuggestedAsync(turn, form, me, archive, directory, clock, ct) is { } suggested)
                items.Add(PlanForm.Suggested(suggested, frame.Week, PlanForm.NextId(items), clock.GetUtcNow(), turn.TimeZone));
        }
        else if (change == PlanChange.Add || PlanForm.HasNewItem(form))
        {
            if (items.Count >= PlanForm.MaxItems) form.Fail(PlanForm.Customer, "plans.full");
            customer = await CustomerAsync(form, me, archive, directory, clock, ct);
            if (PlanForm.Read(form, frame.Week, customer, PlanForm.NextId(items), clock.GetUtcNow(), turn.TimeZone) is { } item && form.IsValid) items.Add(item);
        }
        var (goals, products, keyCustomers) = PlanForm.ReadActions(form, turn.Data, stored);
        // Saving an unchanged action plan (and no add row) would take a submitted plan back to draft and withdraw its request for nothing.
        if (change == PlanChange.SaveActions && stored is not null && form.IsValid && items.SequenceEqual(stored.Items)
            && (goals, products, keyCustomers) == (stored.KeyGoals, stored.KeyProducts, stored.KeyCustomers))
            return Reply.ReplaceCard(await PlanPages.EditorAsync(turn, me, frame.Week, stored, null, T.Get(c, "plans.actionsUnchanged"), archive, due, clock, ct));
        var status = change == PlanChange.Submit ? VisitPlanStatus.Submitted : VisitPlanStatus.Draft;
        var plan = new VisitPlan
        {
            Id = stored?.Id ?? Guid.NewGuid().ToString("D"), RepAadObjectId = me.AadObjectId, Week = frame.Week, Status = status, Items = items,
            SubmittedAt = status == VisitPlanStatus.Submitted ? clock.GetUtcNow() : null, SubmissionId = frame.SubmissionId, Version = frame.Version,
            KeyGoals = goals, KeyProducts = products, KeyCustomers = keyCustomers,
        };
        if (status == VisitPlanStatus.Submitted && VisitPlanRules.Validate(plan).Has(VisitPlanFields.Items, ProblemCodes.Empty))
            form.Fail(PlanForm.Customer, "plans.noItems");
        if (!form.IsValid)
            return Reply.ReplaceCard(await PlanPages.EditorAsync(turn, me, frame.Week, stored, new FormState(turn.Data, form.Errors), null, archive, due, clock, ct,
                customer));

        try
        {
            var saved = await archive.Visits.SavePlanAsync(plan, ct);
            // The supervisor's request covered the plan as submitted: any change withdraws it; a new submission files a new one.
            if (stored is { Status: VisitPlanStatus.Submitted }) await PlanReview.WithdrawAsync(turn, stored, archive, approvals, clock, ct);
            return Reply.ReplaceCard(saved.Status == VisitPlanStatus.Submitted
                ? await PlanPages.ViewAsync(turn, me, saved, archive, directory, clock, links, await PlanReview.RequestAsync(turn, me, saved, approvals, ct), ct)
                : await PlanPages.EditorAsync(turn, me, frame.Week, saved, null, null, archive, due, clock, ct));
        }
        catch (PlanConflictException e) when (e.Current.SubmissionId == frame.SubmissionId)
        {
            return Reply.ReplaceCard(await AgainAsync(turn, me, e.Current, archive, due, directory, approvals, clock, links, ct));   // the same press, twice at once
        }
        catch (PlanConflictException e)
        {
            return Reply.ReplaceCard(await PlanPages.EditorAsync(turn, me, frame.Week, e.Current, typed, T.Get(c, "plans.conflict"), archive, due, clock, ct));
        }
    }

    static async Task<System.Text.Json.Nodes.JsonObject> AgainAsync(Turn turn, Person me, VisitPlan stored, ICrmArchive archive, DueVisits due, IDirectory directory,
        ApprovalDesk approvals, TimeProvider clock, DownloadLinks links, CancellationToken ct)
    {
        var notice = T.Get(turn.Culture, "plans.appliedAlready");
        // Filed once per submission: this only files it if the first press stopped between saving and filing.
        if (stored.Status == VisitPlanStatus.Submitted && await PlanReview.RequestAsync(turn, me, stored, approvals, ct) is { } filing)
            notice += " " + filing;
        return stored.Status is VisitPlanStatus.Submitted or VisitPlanStatus.Approved
            ? await PlanPages.ViewAsync(turn, me, stored, archive, directory, clock, links, notice, ct)
            : await PlanPages.EditorAsync(turn, me, stored.Week, stored, null, notice, archive, due, clock, ct);
    }

    /// <summary>
    /// A Suggested customer pressed: the number in the card only names the file; whether the authenticated rep may plan a
    /// visit to it is decided here, as for the add row. A refusal is a message beside the add row's customer.
    /// </summary>
    static async Task<Customer?> SuggestedAsync(Turn turn, FormReader form, Person me, ICrmArchive archive, IDirectory directory, TimeProvider clock,
        CancellationToken ct)
    {
        var customer = CustomerNumbers.Parse(turn.DataString(PlanForm.SuggestedCustomer)) is { } number ? await archive.Customers.GetAsync(number, ct) : null;
        if (customer is null) form.Fail(PlanForm.Customer, "visits.noSuchCustomer");
        else if (!await VisitCustomers.MayLogAsync(me, customer, archive.Customers, directory, clock, ct)) form.Fail(PlanForm.Customer, "plans.notYourCustomer");
        else return customer;
        return null;
    }

    /// <summary>The add row's customer: one the rep may log visits on (may see in full), else a message beside it.</summary>
    static async Task<Customer?> CustomerAsync(FormReader form, Person me, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        if (form.Text(PlanForm.Customer, required: true) is not { } sent) return null;
        var customer = CustomerNumbers.Parse(sent) is { } number ? await archive.Customers.GetAsync(number, ct) : null;
        if (customer is null) form.Fail(PlanForm.Customer, "visits.noSuchCustomer");
        else if (!await VisitCustomers.MayLogAsync(me, customer, archive.Customers, directory, clock, ct)) form.Fail(PlanForm.Customer, "plans.notYourCustomer");
        else return customer;
        return null;
    }
}
