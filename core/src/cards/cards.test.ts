import { afterAll, describe, expect, it } from 'vitest';
import {
  checkCard,
  closeCardRenderer,
  inputIdsIn,
  MAX_CARD_BYTES,
  verbsIn,
} from '@pc/testing/support/adaptive-cards.ts';
import type { DueCardItem } from './due-items.ts';
import {
  buildCheckinCard,
  buildDueCard,
  buildErrorCard,
  buildFeedbackConfirmationCard,
  buildFeedbackFormCard,
  buildHelpCard,
  buildInvalidSubmissionCard,
  buildObjectivesCard,
  buildPrepareCard,
  buildStarterCard,
  buildWelcomeCard,
  isGreeting,
  TEXT_COMMANDS,
  buildUnknownInputCard,
  buildNoticeCard,
  isCardVerb,
  type StarterTopic,
} from './index.ts';

const annual: DueCardItem = {
  title: 'Annual review',
  dueDate: '2027-05-01',
  status: 'overdue',
  reason: 'Your last annual review was on 30 April 2026.',
  policyRef: '000 §4',
  required: true,
};
const regular: DueCardItem = {
  title: 'Regular conversation',
  dueDate: '2027-05-31',
  status: 'due',
  reason: 'Regular conversations are monthly.',
  policyRef: '004',
  required: false,
};

const topic = (id: string, title: string): StarterTopic => ({
  id,
  title,
  strengthsPrompt: `What has gone well for you in ${title.toLowerCase()} lately?`,
  openQuestions: [`How do you feel about ${title.toLowerCase()}?`],
  probingQuestions: ['What made the difference there?'],
});

// Every card renders in one Chromium for this file; each leaves .artifacts/screenshots/cards/<test>.png.
afterAll(closeCardRenderer);

const expectValid = async (json: unknown) => {
  const result = await checkCard(json, expect.getState().currentTestName ?? 'card');
  expect(result.issues).toEqual([]);
  expect(result.bytes).toBeLessThan(MAX_CARD_BYTES);
  for (const verb of verbsIn(json)) expect(isCardVerb(verb)).toBe(true);
  return result;
};

describe('card checker', () => {
  it('reports what the real renderer rejects', async () => {
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Sparkle' }, { type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }],
    };
    const result = await checkCard(broken);
    expect(result.issues.some((i) => i.includes('Unknown element type'))).toBe(true);
    expect(result.issues.some((i) => i.toLowerCase().includes('duplicate'))).toBe(true);
  });
});

describe('help and error cards', () => {
  it("welcome card introduces the bot in the scheme's words and names every command", async () => {
    const { renderedText } = await expectValid(buildWelcomeCard({ schemeName: 'VIP conversations' }));
    expect(renderedText).toContain('Welcome to Performance Conversations');
    expect(renderedText).toContain('the way VIP conversations asks');
    for (const { command } of TEXT_COMMANDS) expect(renderedText).toContain(`${command}:`);
  });

  it('greetings are recognised whatever the case and punctuation; commands and notes are not greetings', () => {
    for (const g of ['hi', 'Hello!', 'hey', 'What can you do?']) expect(isGreeting(g), g).toBe(true);
    for (const t of ['help', 'hi Sam, thanks for the rota', 'feedback: hello']) expect(isGreeting(t), t).toBe(false);
  });

  it('help lists every text command and offers buttons', async () => {
    const json = buildHelpCard({ schemeName: 'VIP conversations' });
    const { renderedText } = await expectValid(json);
    expect(renderedText).toMatchInlineSnapshot(`
      "Performance conversations
      I help you keep good conversations going under VIP conversations.
      Type one of these, or use a button:
      feedback: log in-the-moment feedback about yourself or a colleague
      starter: a conversation starter for you and your manager or your team
      due: which conversations are due, and why
      objectives: your objectives and their progress
      prepare: prompts to prepare for your next conversation
      checkin: a check-in now: what is coming up, and how you are doing
      help: this list
      You can also write feedback: followed by a short note, e.g. "feedback: helped Sam with the rota".
      In a channel, group chat or meeting chat, type team starters for a deck of conversation starters the whole team answers together.
      Log feedback
      What's due
      My objectives
      Prepare"
    `);
    expect(verbsIn(json)).toEqual(['feedback.open', 'due.show', 'objectives.show', 'prepare.show']);
  });

  it('unknown input suggests commands without echoing the message', async () => {
    const json = buildUnknownInputCard();
    const { renderedText } = await expectValid(json);
    expect(renderedText).toMatchInlineSnapshot(`
      "Sorry, I didn't understand that
      Here is what I can do. Type one of these words, or use a button:
      feedback: log in-the-moment feedback about yourself or a colleague
      starter: a conversation starter for you and your manager or your team
      due: which conversations are due, and why
      objectives: your objectives and their progress
      prepare: prompts to prepare for your next conversation
      checkin: a check-in now: what is coming up, and how you are doing
      help: this list
      Log feedback
      What's due
      My objectives
      Prepare"
    `);
  });

  it('error card shows only the safe message, a wait and a reference', async () => {
    const json = buildErrorCard({ message: 'The service is busy.', retryAfterSeconds: 2.2, correlationId: 'c-123' });
    const { renderedText } = await expectValid(json);
    expect(renderedText).toMatchInlineSnapshot(`
      "Something went wrong
      The service is busy.
      Please try again in about 3 seconds.
      Reference: c-123
      Show help"
    `);
  });

  it('invalid submission names each field and its reason', async () => {
    const json = buildInvalidSubmissionCard({
      issues: [
        { path: 'text', message: 'Write a short note' },
        { path: 'kind', message: 'Choose what kind of feedback this is' },
      ],
      fieldLabels: { text: 'What happened', kind: 'What kind' },
    });
    const { renderedText } = await expectValid(json);
    expect(renderedText).toMatchInlineSnapshot(`
      "Please check your answers
      Nothing was saved. Fix these and send it again:
      What happened: Write a short note
      What kind: Choose what kind of feedback this is
      Show help"
    `);
  });
});

describe('feedback cards', () => {
  const colleagues = [
    { id: 'me', displayName: 'Me Myself' },
    { id: 'sam', displayName: 'Sam Patel' },
    { id: 'ali', displayName: 'Ali Jones' },
  ];

  it('form offers myself first, colleagues, three kinds, private-to-the-pair default and the agenda box', async () => {
    const json = buildFeedbackFormCard({ selfId: 'me', colleagues });
    const { renderedText, choiceSets } = await expectValid(json);
    expect(renderedText).toMatchInlineSnapshot(`
      "In-the-moment feedback
      A short note of advice given, an issue resolved or work done well.
      Who it is about *
      What kind *
      Advice given
      Issue resolved
      Work done well
      What happened *
      Who can see it *
      Private to the pair (the person and their line manager)
      Add to the agenda of their next regular conversation (yours, if it is about you)
      Log feedback"
    `);
    // The choices as a person meets them: myself first, then colleagues; pair-only preselected.
    expect(choiceSets).toEqual([
      {
        label: 'Who can see it *',
        choices: [
          'Private to the pair (the person and their line manager)',
          'Only the person it is about',
          'The person and all their line managers',
        ],
        shown: ['Private to the pair (the person and their line manager)'],
      },
      // Nothing preselected in the searchable list: a renderer may show a preselected value (an id).
      { label: 'Who it is about *', choices: ['Myself', 'Sam Patel', 'Ali Jones'], shown: [] },
      { label: 'What kind *', choices: ['Advice given', 'Issue resolved', 'Work done well'], shown: [] },
    ]);
    expect(inputIdsIn(json)).toEqual(['subjectId', 'kind', 'text', 'visibility', 'addToAgenda']);
    const visibility = json.body.find((e) => e.id === 'visibility');
    expect(visibility?.value).toBe('pair');
    expect(verbsIn(json)).toEqual(['feedback.log']);
  });

  it('form stays under the size limit with a large team', async () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      displayName: `Colleague With A Fairly Long Name ${String(i)}`,
    }));
    await expectValid(buildFeedbackFormCard({ selfId: 'me', colleagues: many }));
  });

  it('#20: a refused form renders again with the choices and words kept and each problem below its field', async () => {
    const json = buildFeedbackFormCard({
      selfId: 'me',
      colleagues: [{ id: 'ali', displayName: 'Ali Jones' }],
      again: {
        typed: { subjectId: 'ali', kind: 'advice', text: 'Showed Ali the rota tool', visibility: 'subject-only' },
        issues: [{ path: 'addToAgenda', message: 'The agenda is shared with the line manager' }],
      },
    });
    const { renderedText } = await expectValid(json);
    expect(renderedText).toContain('Nothing was saved yet');
    expect(renderedText).toContain('The agenda is shared with the line manager');
    const inputs = json.body.filter((e) => typeof e.id === 'string');
    expect(Object.fromEntries(inputs.map((e) => [e.id, e.value]))).toMatchObject({
      subjectId: 'ali',
      kind: 'advice',
      text: 'Showed Ali the rota tool',
      visibility: 'subject-only',
    });
    const prepare = buildPrepareCard({
      conversationTitle: 'Regular conversation',
      role: 'employee',
      prompts: ['What went well?'],
      agenda: [],
      again: { typed: 'Training', problem: 'Keep it under 300 characters' },
    });
    expect((await expectValid(prepare)).renderedText).toContain('Keep it under 300 characters');
  });

  it('confirmation says what was saved and who can see it', async () => {
    const json = buildFeedbackConfirmationCard({
      subjectName: 'Sam Patel',
      aboutSelf: false,
      kind: 'work-acknowledged',
      visibility: 'pair',
      addedToAgenda: true,
      alreadyRecorded: false,
    });
    const { renderedText } = await expectValid(json);
    expect(renderedText).toMatchInlineSnapshot(`
      "Feedback logged
      Thank you: small moments like this make the bigger conversations easier.
      About
      Sam Patel
      Kind
      Work done well
      Who can see it
      Private to the pair (the person and their line manager)
      Agenda
      Added to the agenda of Sam Patel's next regular conversation
      Log more feedback"
    `);
  });

  it('#26 point 5: a note that asked to join the agenda but could not says why', async () => {
    const input = {
      subjectName: 'Sam Patel',
      aboutSelf: false,
      kind: 'work-acknowledged',
      visibility: 'pair',
      addedToAgenda: false,
      alreadyRecorded: false,
    } as const;
    const asked = (await expectValid(buildFeedbackConfirmationCard({ ...input, agendaAsked: true }))).renderedText;
    expect(asked).toContain('Not added: Sam Patel has no regular conversation booked yet.');
    expect(asked).not.toContain('Book a conversation');
    // #20: with a way to book, for the person themselves or their line manager.
    const bookUrl = 'https://pc.example/tab/#/book/sam';
    const withBooking = buildFeedbackConfirmationCard({ ...input, agendaAsked: true, bookUrl });
    expect(withBooking.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Book a conversation', url: bookUrl });
    const added = buildFeedbackConfirmationCard({ ...input, agendaAsked: true, addedToAgenda: true, bookUrl });
    expect(JSON.stringify(added)).not.toContain('Book a conversation');
    const notAsked = (await expectValid(buildFeedbackConfirmationCard(input))).renderedText;
    expect(notAsked).not.toContain('no regular conversation is booked');
  });

  it('a resend is confirmed as already recorded', async () => {
    const json = buildFeedbackConfirmationCard({
      subjectName: 'Me',
      aboutSelf: true,
      kind: 'other',
      visibility: 'pair',
      addedToAgenda: false,
      alreadyRecorded: true,
    });
    const { renderedText } = await expectValid(json);
    expect(renderedText).toContain('Already recorded');
    expect(renderedText).toContain('nothing was added twice');
  });
});

describe('conversation starter', () => {
  it('000: pair starter opens with strengths, asks open then probing questions, refreshes for both', async () => {
    const json = buildStarterCard({
      starterId: 's-1',
      audience: 'pair',
      topics: [topic('customer', 'Customer'), topic('working-together', 'Working together')],
      answers: [{ topicId: 'customer', authorName: 'Sam Patel', text: 'The new **form** helped' }],
      participantIds: ['sam', 'mgr'],
    });
    const { renderedText } = await expectValid(json);
    expect(renderedText).toMatchInlineSnapshot(`
      "Conversation starter
      Pick up one or both topics; answers appear here for you both.
      Customer
      Start with strengths: What has gone well for you in customer lately?
      Open questions
      How do you feel about customer?
      Go deeper
      What made the difference there?
      Sam Patel: The new **form** helped
      Your answer
      Working together
      Start with strengths: What has gone well for you in working together lately?
      Open questions
      How do you feel about working together?
      Go deeper
      What made the difference there?
      No answers yet.
      Your answer
      Share answers"
    `);
    expect(json.refresh?.userIds).toEqual(['sam', 'mgr']);
    expect(json.refresh?.action.verb).toBe('starter.refresh');
    expect(inputIdsIn(json)).toEqual(['answer.customer', 'answer.working-together']);
  });

  it('team starter refreshes for at most 60 people and stays small with many answers', async () => {
    const json = buildStarterCard({
      starterId: 's-2',
      audience: 'team',
      topics: [topic('leadership', 'Leadership')],
      answers: Array.from({ length: 200 }, (_, i) => ({
        topicId: 'leadership',
        authorName: `Person ${String(i)}`,
        text: 'x'.repeat(500),
      })),
      participantIds: Array.from({ length: 90 }, (_, i) => `p${String(i)}`),
    });
    const { renderedText } = await expectValid(json);
    expect(json.refresh?.userIds).toHaveLength(60);
    expect(renderedText).toContain('188 earlier answers are kept in the app.');
  });
});

describe('check-in and due cards', () => {
  it('check-in with a required review offers Book and Snooze but no opt-out', async () => {
    const json = buildCheckinCard({
      personName: 'Sam',
      checkinId: 't1:sam:2027-05',
      items: [annual, regular],
      preparationPrompts: ['What are you proudest of this year?', 'What support would help?'],
    });
    const { renderedText, choiceSets } = await expectValid(json);
    expect(choiceSets).toEqual([
      {
        label: 'How are you doing at the moment? (only you and your line manager see this)',
        choices: ['Good', 'Okay', 'Struggling a bit', "I'd rather not say"],
        shown: [],
      },
    ]);
    expect(renderedText).toMatchInlineSnapshot(`
      "Hello Sam, a quick check-in
      Here is what is coming up and why.
      Annual review
      Overdue
      By 1 May 2027. Your last annual review was on 30 April 2026.
      Policy 000 §4
      Regular conversation
      Due now
      By 31 May 2027. Regular conversations are monthly.
      Policy 004
      To prepare
      What are you proudest of this year?
      What support would help?
      How are you doing at the moment? (only you and your line manager see this)
      Reminders about required reviews stay on, so nothing formal is missed.
      Book
      Snooze 1 week"
    `);
    expect(verbsIn(json)).toEqual(['checkin.book', 'checkin.snooze']);
    expect(inputIdsIn(json)).toEqual(['wellbeing']);
  });

  it('check-in with only optional conversations offers opt-out of nudges', async () => {
    const json = buildCheckinCard({ personName: 'Sam', checkinId: 'c', items: [regular], preparationPrompts: [] });
    await expectValid(json);
    expect(verbsIn(json)).toEqual(['checkin.book', 'checkin.snooze', 'checkin.optOut']);
  });

  it('due card explains each item and its policy', async () => {
    const json = buildDueCard({ forName: 'You', items: [annual, regular] });
    const { renderedText } = await expectValid(json);
    expect(renderedText).toMatchInlineSnapshot(`
      "What's due: You
      Annual review
      Overdue
      By 1 May 2027. Your last annual review was on 30 April 2026.
      Policy 000 §4
      Regular conversation
      Due now
      By 31 May 2027. Regular conversations are monthly.
      Policy 004
      Prepare
      Book"
    `);
  });

  it('due card with nothing due says so', async () => {
    const { renderedText } = await expectValid(buildDueCard({ forName: 'You', items: [] }));
    expect(renderedText).toContain('Nothing is due right now');
  });
});

describe('objectives and prepare cards', () => {
  it('objectives show status, progress, horizon and missing SMART letters', async () => {
    const json = buildObjectivesCard({
      ownerName: 'Sam Patel',
      tabUrl: 'https://teams.microsoft.com/l/entity/app/objectives',
      objectives: [
        {
          title: 'Cut rota gaps',
          status: 'agreed',
          progress: 40,
          horizon: 'short',
          targetDate: '2027-09-30',
          missingSmart: [],
        },
        {
          title: 'Learn the case system',
          status: 'draft',
          progress: 0,
          horizon: 'medium',
          missingSmart: ['Measurable'],
        },
      ],
    });
    const { renderedText } = await expectValid(json);
    expect(renderedText).toMatchInlineSnapshot(`
      "Objectives: Sam Patel
      Cut rota gaps
      Agreed · 40% done · Short term · by 30 September 2027
      Learn the case system
      Draft · 0% done · Medium term
      To make it SMART, add: Measurable
      Open objectives
      Prepare for my next conversation"
    `);
  });

  it('objectives card stays small with many objectives', async () => {
    const objectives = Array.from({ length: 80 }, (_, i) => ({
      title: `Objective ${String(i)} ${'w'.repeat(200)}`,
      status: 'agreed' as const,
      progress: i,
      horizon: 'long' as const,
      missingSmart: ['Specific', 'Measurable', 'Achievable', 'Relevant', 'Time-bound'],
    }));
    const { renderedText } = await expectValid(buildObjectivesCard({ ownerName: 'Sam', objectives }));
    expect(renderedText).toContain('And 65 more in the app.');
  });

  it('prepare card lists prompts and agenda and lets the person add an item', async () => {
    const json = buildPrepareCard({
      conversationTitle: 'Regular conversation',
      role: 'employee',
      date: '2027-06-03',
      prompts: ['What went well since we last met?', 'Anything getting in the way?'],
      agenda: ['Feedback: helped with the rota'],
    });
    const { renderedText } = await expectValid(json);
    expect(renderedText).toMatchInlineSnapshot(`
      "Prepare: Regular conversation
      On 3 June 2027
      Think about
      What went well since we last met?
      Anything getting in the way?
      On the agenda so far
      Feedback: helped with the rota
      Add something you want to raise
      Add to agenda"
    `);
    expect(verbsIn(json)).toEqual(['prepare.addAgenda']);
  });
});

describe('check-in notices', () => {
  it('notice card is valid', async () => {
    const { renderedText } = await expectValid(buildNoticeCard('Snoozed', ['No reminders until 17 May 2027.']));
    expect(renderedText).toContain('No reminders until 17 May 2027.');
    expect(renderedText).toMatchInlineSnapshot(`
      "Snoozed
      No reminders until 17 May 2027.
      Show help"
    `);
  });
});
