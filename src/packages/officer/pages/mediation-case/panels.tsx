/** What an officer does to a case, one panel per lifecycle step the case allows now. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Picker } from '@/platform/form-components';
import { MAX_CASE_PHOTOS, MAX_PHOTOS_PER_STEP, MAX_SESSION_PHOTOS, mediationActions, type CaseView, type SessionView } from '@domain/actions/mediation';
import { CASE_OUTCOME_LABELS, CASE_OUTCOMES, FOLLOW_UP_RESULT_LABELS, FOLLOW_UP_RESULTS, MEDIATION_TEMPLATES, REFERRAL_LABELS, REFERRALS, type CaseOutcome, type FollowUpResult, type Referral } from '@domain/mediation';
import { Chip } from '@/components/chip';
import { FormError, fieldMessage } from '@/components/form-error';
import { Button, Card, CheckRow, LabeledInput, PhotoGallery, PhotoPicker, type PickedPhoto } from '@/components/mediation';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { requestSubscription } from '@/platform/subscribe';

type Done = (view: CaseView) => void;

const pad = (value: number) => String(value).padStart(2, '0');
const localDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

export function RequestPanel({ view, onDone }: { view: CaseView; onDone: Done }) {
  const accept = useSubmit(mediationActions.acceptRequest);
  const decline = useSubmit(mediationActions.declineRequest);
  const [reason, setReason] = useState('');
  return (
    <Card title="居民申请调解">
      <Button label="受理" pending={accept.pending} onClick={async () => { const next = await accept.submit({ caseId: view.id }); if (next) onDone(next); }} />
      <LabeledInput fieldId="case-decline-reason" error={fieldMessage(decline.error, 'reason')} label="不受理的原因（居民能看到）" value={reason} onInput={setReason} multiline />
      <Button label="不予受理" tone="plain" pending={decline.pending} onClick={async () => { const next = await decline.submit({ caseId: view.id, reason: reason.trim() }); if (next) onDone(next); }} />
      <FormError error={accept.error ?? decline.error} shownAtFields={accept.error ? [] : ['reason']} />
    </Card>
  );
}

/** 现场照片: what the case holds, and more added while it is open (each removable until saved). */
export function ScenePhotosPanel({ view, onDone }: { view: CaseView; onDone: Done }) {
  const add = useSubmit(mediationActions.addCasePhotos);
  const [picked, setPicked] = useState<PickedPhoto[]>([]);
  const open = view.status !== 'closed' && view.status !== 'declined';
  const room = Math.min(MAX_PHOTOS_PER_STEP, MAX_CASE_PHOTOS - view.photos.length);
  if (!open && view.photos.length === 0) return null;
  return (
    <Card title="现场照片">
      {view.photos.length === 0 && <Text className="md-hint">还没有现场照片。</Text>}
      <PhotoGallery photos={view.photos} label="现场照片" />
      {open && room > 0 && (
        <View>
          <PhotoPicker photos={picked} onChange={setPicked} max={room} what="现场照片" />
          {picked.length > 0 && (
            <Button
              label={`保存这 ${picked.length} 张现场照片`}
              pending={add.pending}
              onClick={async () => {
                const next = await add.submit({ caseId: view.id, photoFileIds: picked.map((photo) => photo.fileId) });
                if (next) {
                  setPicked([]);
                  onDone(next);
                }
              }}
            />
          )}
          <FormError error={add.error} />
        </View>
      )}
    </Card>
  );
}

interface AdHoc {
  name: string;
  roleLabel: string;
  phone: string;
}

/** 召集圆桌调解会: the parties, the community's forces, whoever else the case needs; tomorrow 19:00 at the 居委会 by default. */
export function ConvenePanel({ view, onDone }: { view: CaseView; onDone: Done }) {
  // By the case: a co-mediator from another station reads the host community's roster too.
  const roster = useAction(mediationActions.caseRoster, { caseId: view.id }, { isEmpty: () => false });
  const convene = useSubmit(mediationActions.conveneSession);
  const tomorrow = new Date(Date.now() + 86_400_000);
  const [day, setDay] = useState(localDay(tomorrow));
  const [time, setTime] = useState('19:00');
  const [place, setPlace] = useState('');
  const [agenda, setAgenda] = useState('');
  const [parties, setParties] = useState<string[]>(view.parties.map((party) => party.id));
  const [members, setMembers] = useState<string[]>([]);
  const [adHoc, setAdHoc] = useState<AdHoc[]>([]);
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((item) => item !== id) : [...list, id]);

  async function submit() {
    const at = new Date(`${day}T${time}:00`).toISOString();
    const next = await convene.submit({
      caseId: view.id,
      at,
      ...(place.trim() ? { place: place.trim() } : {}),
      ...(agenda.trim() ? { agenda: agenda.trim() } : {}),
      participants: [
        ...parties.map((partyId) => ({ kind: 'party' as const, partyId })),
        ...members.map((memberId) => ({ kind: 'roster' as const, memberId })),
        ...adHoc.filter((person) => person.name.trim()).map((person) => ({ kind: 'adhoc' as const, name: person.name.trim(), roleLabel: person.roleLabel.trim() || '其他', ...(person.phone.trim() ? { phone: person.phone.trim() } : {}) })),
      ],
    });
    if (next) onDone(next);
  }

  return (
    <Card title="召集圆桌调解会">
      <View className="md-row">
        <Text className="md-row__main">日期</Text>
        <Picker mode="date" value={day} start={localDay(new Date())} onChange={(event) => setDay(String(event.detail.value))}>
          <Text aria-label={`日期 ${day}，点按修改`}>{day} ›</Text>
        </Picker>
      </View>
      <View className="md-row">
        <Text className="md-row__main">时间</Text>
        <Picker mode="time" value={time} onChange={(event) => setTime(String(event.detail.value))}>
          <Text aria-label={`时间 ${time}，点按修改`}>{time} ›</Text>
        </Picker>
      </View>
      <LabeledInput fieldId="convene-place" error={fieldMessage(convene.error, 'place')} label="地点" value={place} onInput={setPlace} placeholder={`${view.communityName}居委会会议室`} />
      <LabeledInput fieldId="convene-agenda" error={fieldMessage(convene.error, 'agenda')} label="议题" value={agenda} onInput={setAgenda} placeholder="这次要商量什么" />
      <Text className="md-field__label">当事人</Text>
      {view.parties.map((party) => (
        <CheckRow key={party.id} label={`当事人 ${party.name}`} checked={parties.includes(party.id)} onToggle={() => setParties(toggle(parties, party.id))} />
      ))}
      <Text className="md-field__label">调解力量（{view.communityName}名单）</Text>
      {roster.data?.members.map((member) => (
        <CheckRow key={member.id} label={`${member.forceLabel}${member.building ? `（${member.building}）` : ''} ${member.name}`} checked={members.includes(member.id)} onToggle={() => setMembers(toggle(members, member.id))} />
      ))}
      {roster.data && roster.data.members.length === 0 && <Text className="md-hint">这个社区还没有调解力量名单，可以在“调解力量名单”里添加，或在下面临时邀请。</Text>}
      {roster.status === 'error' && <Text className="md-hint">名单暂时打不开：{roster.error?.message}</Text>}
      <Text className="md-field__label">临时邀请（如供暖公司、综合执法）</Text>
      {adHoc.map((person, index) => (
        <View key={index}>
          <LabeledInput label={`第 ${index + 1} 位的身份`} value={person.roleLabel} onInput={(value) => setAdHoc((rows) => rows.map((item, i) => (i === index ? { ...item, roleLabel: value } : item)))} placeholder="供暖公司" />
          <LabeledInput label={`第 ${index + 1} 位的姓名`} value={person.name} onInput={(value) => setAdHoc((rows) => rows.map((item, i) => (i === index ? { ...item, name: value } : item)))} />
          <LabeledInput label={`第 ${index + 1} 位的电话`} value={person.phone} onInput={(value) => setAdHoc((rows) => rows.map((item, i) => (i === index ? { ...item, phone: value } : item)))} />
        </View>
      ))}
      <Button label="+ 临时邀请一位" tone="plain" onClick={() => setAdHoc([...adHoc, { name: '', roleLabel: '', phone: '' }])} />
      <FormError error={convene.error} shownAtFields={['place', 'agenda']} />
      <Button label="召集并生成邀请" pending={convene.pending} onClick={() => void submit()} />
    </Card>
  );
}

/** Who came, what was said, photos: the session's record. */
export function RecordPanel({ view, session, onDone }: { view: CaseView; session: SessionView; onDone: Done }) {
  const record = useSubmit(mediationActions.recordSession);
  const [attended, setAttended] = useState<string[]>(session.invitations.filter((invitation) => invitation.response === 'accepted').map((invitation) => invitation.id));
  const [notes, setNotes] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  return (
    <View>
      <Text className="md-field__label">到场的人</Text>
      {session.invitations.map((invitation) => (
        <CheckRow
          key={invitation.id}
          label={`${invitation.roleLabel} ${invitation.name} 到场`}
          checked={attended.includes(invitation.id)}
          onToggle={() => setAttended(attended.includes(invitation.id) ? attended.filter((id) => id !== invitation.id) : [...attended, invitation.id])}
        />
      ))}
      <LabeledInput fieldId="record-notes" error={fieldMessage(record.error, 'notes')} label="调解记录" value={notes} onInput={setNotes} multiline maxlength={2000} placeholder="各方诉求、说开了什么、谁承诺了什么" />
      <Text className="md-field__label">会场照片</Text>
      <PhotoPicker photos={photos} onChange={setPhotos} max={MAX_SESSION_PHOTOS} what="会场照片" />
      <FormError error={record.error} shownAtFields={['notes']} />
      <Button
        label="保存这次调解会的记录"
        pending={record.pending}
        onClick={async () => {
          const next = await record.submit({ caseId: view.id, sessionId: session.id, attendedInvitationIds: attended, notes: notes.trim(), ...(photos.length ? { photoFileIds: photos.map((photo) => photo.fileId) } : {}) });
          if (next) onDone(next);
        }}
      />
    </View>
  );
}

/** The agreement's terms; saving a change asks every party to confirm again. */
export function TermsPanel({ view, onDone }: { view: CaseView; onDone: Done }) {
  const propose = useSubmit(mediationActions.proposeAgreement);
  const [terms, setTerms] = useState<string[]>(view.agreement?.terms ?? ['']);
  const [days, setDays] = useState(String(view.followUpDays));
  // Blank terms are not sent: the answer's terms.N counts only the written ones.
  const termProblem = (index: number) => (terms[index]?.trim() ? fieldMessage(propose.error, `terms.${terms.slice(0, index).filter((term) => term.trim()).length}`) : undefined);
  return (
    <Card title={view.agreement ? '修改协议条款' : '拟定调解协议'}>
      {terms.map((term, index) => (
        <View key={index}>
          <LabeledInput fieldId={`terms-${index}`} error={termProblem(index)} label={`第 ${index + 1} 条`} value={term} onInput={(value) => setTerms((rows) => rows.map((item, i) => (i === index ? value : item)))} multiline />
          {terms.length > 1 && <Button label={`删除第 ${index + 1} 条`} tone="plain" onClick={() => setTerms(terms.filter((_, i) => i !== index))} />}
        </View>
      ))}
      <Button label="+ 加一条" tone="plain" onClick={() => setTerms([...terms, ''])} />
      <LabeledInput fieldId="terms-follow-up-days" error={fieldMessage(propose.error, 'followUpDays')} label="达成协议后几天回访" value={days} onInput={setDays} type="number" />
      <FormError error={propose.error} shownAtFields={['followUpDays', ...terms.map((_, index) => `terms.${index}`)]} />
      <Button
        label="保存协议，请各方确认"
        pending={propose.pending}
        onClick={async () => {
          const next = await propose.submit({ caseId: view.id, terms: terms.map((term) => term.trim()).filter(Boolean), ...(Number(days) ? { followUpDays: Number(days) } : {}) });
          if (next) onDone(next);
        }}
      />
    </Card>
  );
}

/** A party signed the paper copy: the officer photographs it, checks the picture, then records the signature. */
export function PaperSignature({ view, partyId, partyName, onDone }: { view: CaseView; partyId: string; partyName: string; onDone: Done }) {
  const sign = useSubmit(mediationActions.recordPaperSignature);
  const [photo, setPhoto] = useState<PickedPhoto[]>([]);
  return (
    <View>
      <Text className="md-field__label">{partyName} 在纸质协议上签字的，拍下签字页登记</Text>
      <PhotoPicker photos={photo} onChange={setPhoto} max={1} what={`${partyName}签字的协议照片`} />
      {photo[0] && view.agreement && (
        <Button
          label={`登记 ${partyName} 已在纸质协议上签字`}
          pending={sign.pending}
          onClick={async () => {
            const next = await sign.submit({ caseId: view.id, partyId, version: view.agreement?.version ?? 0, photoFileId: photo[0]?.fileId ?? '' });
            if (next) onDone(next);
          }}
        />
      )}
      <FormError error={sign.error} />
    </View>
  );
}

export function FollowUpPanel({ view, onDone }: { view: CaseView; onDone: Done }) {
  const record = useSubmit(mediationActions.recordFollowUp);
  const [result, setResult] = useState<FollowUpResult>('held');
  const [note, setNote] = useState('');
  const [reminded, setReminded] = useState(false);
  return (
    <Card title="回访">
      <Text className="md-line">回访时间：{view.followUpDueAt ? localDay(new Date(view.followUpDueAt)) : ''} 起</Text>
      <Button
        label={reminded ? '✓ 到期会提醒您' : '到期提醒我回访'}
        tone="plain"
        onClick={async () => {
          const decisions = await requestSubscription([MEDIATION_TEMPLATES.followUpDue]);
          setReminded(decisions[MEDIATION_TEMPLATES.followUpDue] === 'accept');
        }}
      />
      <View className="md-chips" {...{ role: 'radiogroup', 'aria-label': '回访结果' }}>
        {FOLLOW_UP_RESULTS.map((option) => (
          <Chip key={option} label={FOLLOW_UP_RESULT_LABELS[option]} selected={result === option} onClick={() => setResult(option)} />
        ))}
      </View>
      <LabeledInput fieldId="follow-up-note" error={fieldMessage(record.error, 'note')} label="回访情况" value={note} onInput={setNote} multiline placeholder="上门或电话回访，双方怎么说" />
      <FormError error={record.error} shownAtFields={['note']} />
      <Button label="记录回访" pending={record.pending} onClick={async () => { const next = await record.submit({ caseId: view.id, result, note: note.trim() }); if (next) onDone(next); }} />
    </Card>
  );
}

export function ClosePanel({ view, onDone }: { view: CaseView; onDone: Done }) {
  const close = useSubmit(mediationActions.closeCase);
  const [outcome, setOutcome] = useState<CaseOutcome>('unresolved');
  const [referral, setReferral] = useState<Referral>();
  const [note, setNote] = useState('');
  return (
    <Card title="不经协议结案">
      <View className="md-chips">
        {CASE_OUTCOMES.map((option) => (
          <Chip key={option} label={CASE_OUTCOME_LABELS[option]} selected={outcome === option} onClick={() => { setOutcome(option); if (option === 'resolved') setReferral(undefined); }} />
        ))}
      </View>
      {outcome !== 'resolved' && (
        <View className="md-chips">
          {REFERRALS.map((option) => (
            <Chip key={option} label={REFERRAL_LABELS[option]} selected={referral === option} onClick={() => setReferral(referral === option ? undefined : option)} />
          ))}
        </View>
      )}
      <LabeledInput fieldId="case-close-note" error={fieldMessage(close.error, 'note')} label="结案说明" value={note} onInput={setNote} multiline />
      <FormError error={close.error} shownAtFields={['note']} />
      <Button label="结案" tone="danger" pending={close.pending} onClick={async () => { const next = await close.submit({ caseId: view.id, outcome, ...(referral ? { referral } : {}), note: note.trim() }); if (next) onDone(next); }} />
    </Card>
  );
}
