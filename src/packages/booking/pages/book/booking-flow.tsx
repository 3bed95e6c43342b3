import { useEffect, useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { bookingActions, type BookingServiceView, type BookingView, type WaitlistEntryView } from '@domain/actions/booking';
import type { ActionErrorBody } from '@domain/errors';
import { BOOKING_CONFIRM_TEMPLATES, BOOKING_TEMPLATES, NEED_LABELS as NEED_TEXT, SERVICE_KINDS } from '@domain/booking';
import { roleProps } from '@/components/a11y';
import { FormError } from '@/components/form-error';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { requestSubscription } from '@/platform/subscribe';
import { ROUTES } from '@/routes';
import { BookingCard } from '../../parts/booking-card';
import { dayLabel } from '../../parts/dates';
import { DayGrid, SlotList, closedNotes } from '../../parts/slot-picker';
import { ActionBar } from '@/components/action-bar';
import { revealFirstError } from '@/utils/reveal';
import { NO_NEEDS_CHOICE, NeedsStep, needsInput, needsProblem, type NeedsChoice } from './needs-step';
import { PersonStep, type PersonChoice } from './person-step';
import './index.scss';


const STEPS = ['service', 'day', 'slot', 'person', 'needs', 'review'] as const;
type Step = (typeof STEPS)[number];
const STEP_TITLES: Record<Step, string> = {
  service: '选择要办的业务',
  day: '选择日期',
  slot: '选择时间段',
  person: '为谁预约',
  needs: '需要什么帮助',
  review: '核对并确认',
};

/** A refusal about the chosen time (full, closed, past, cut off): the function names the slotId field. */
/** What the success screen promises, from what the resident accepted in WeChat's prompt. */
export function remindedText({ dayBefore, hourBefore }: { dayBefore: boolean; hourBefore: boolean }): string {
  if (dayBefore && hourBefore) return '前一天和开始前1小时会发消息提醒您。';
  if (dayBefore) return '前一天会发消息提醒您。';
  if (hourBefore) return '开始前1小时会发消息提醒您。';
  return '';
}

export const isSlotProblem = (error: ActionErrorBody): boolean => Boolean(error.fields?.slotId);

function ServiceOption({ service, selected, onSelect }: { service: BookingServiceView; selected: boolean; onSelect: () => void }) {
  return (
    <View
      className={`choice${selected ? ' choice--selected' : ''}`}
      hoverClass="choice--pressed"
      onClick={onSelect}
      {...roleProps('radio')}
      aria-checked={selected}
    >
      <Text className="choice__mark" aria-hidden>
        {selected ? '●' : '○'}
      </Text>
      <View className="choice__body">
        <Text className="choice__title">{service.label}</Text>
        <Text className="choice__detail">{service.summary}</Text>
        <Text className="choice__detail">
          {service.deskLabel} · 约{service.minutes}分钟
        </Text>
        {service.windows.length > 0 && <Text className="choice__detail">办理窗口：{windowsText(service)}</Text>}
        {service.hours && <Text className="choice__detail">只在这些时间办理：{service.hours}</Text>}
      </View>
    </View>
  );
}

/** "1号窗口或2号窗口": a booking holds a place for the service; any of its windows takes it. */
const windowsText = (service: BookingServiceView) => service.windows.join('或');

/** What to bring for the chosen service. */
function Materials({ service }: { service: BookingServiceView }) {
  return (
    <View className="flow__materials">
      <Text className="flow__materials-title">办理“{service.label}”请带好：</Text>
      {service.materials.map((material) => (
        <View key={material.item} className="flow__material">
          <Text className="flow__material-item">
            ✓ {material.item}
            {material.conditional ? '（部分情况需要）' : ''}
          </Text>
          {material.note && <Text className="flow__material-note">{material.note}</Text>}
        </View>
      ))}
      {service.onSitePhoto && <Text className="flow__material-note">照片在窗口现场拍摄，不用自己带。</Text>}
      {service.note && <Text className="flow__material-note">本所须知：{service.note}</Text>}
    </View>
  );
}

function ReviewRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="flow__review-row">
      <Text className="flow__review-label">{label}</Text>
      <Text className="flow__review-value">{children}</Text>
    </View>
  );
}

export interface BookingFlowProps {
  stationId: string;
}

/** 预约办证, one question at a time: service → day → slot → for whom → needs → review. */
export function BookingFlow({ stationId }: BookingFlowProps) {
  const catalogue = useAction(bookingActions.listServices, { stationId }, { isEmpty: (list) => list.services.length === 0 });
  const [step, setStep] = useState<Step>('service');
  const [service, setService] = useState<BookingServiceView>();
  const [day, setDay] = useState<string>();
  const [slotId, setSlotId] = useState<string>();
  const [slotMessage, setSlotMessage] = useState<string>();
  const [person, setPerson] = useState<PersonChoice>();
  const [personName, setPersonName] = useState('');
  const [needs, setNeeds] = useState<NeedsChoice>(NO_NEEDS_CHOICE);
  const [needsShownProblem, setNeedsShownProblem] = useState<string>();
  const [booked, setBooked] = useState<BookingView>();
  /** The chosen slot is full: confirming joins its waitlist instead of booking. */
  const [waitlist, setWaitlist] = useState(false);
  const [waiting, setWaiting] = useState<WaitlistEntryView>();
  const [reminded, setReminded] = useState({ dayBefore: false, hourBefore: false });

  const availability = useAction(
    bookingActions.availability,
    { stationId, service: service?.kind ?? SERVICE_KINDS[0] },
    { enabled: service !== undefined, isEmpty: (view) => view.days.length === 0 },
  );
  const reserve = useSubmit(bookingActions.reserve);
  const join = useSubmit(bookingActions.joinWaitlist);

  const chosenDay = availability.data?.days.find((d) => d.day === day);
  const chosenSlot = chosenDay?.slots.find((slot) => slot.slotId === slotId);
  const stepIndex = STEPS.indexOf(step);

  // A slot taken by someone else meanwhile: back to the times, freshly counted, with the reason.
  const reserveError = reserve.error;
  const reloadAvailability = availability.reload;
  const clearReserveError = reserve.clearError;
  useEffect(() => {
    if (!reserveError || !isSlotProblem(reserveError)) return;
    setSlotMessage(reserveError.message);
    setSlotId(undefined);
    setStep('slot');
    clearReserveError();
    void reloadAvailability();
  }, [reserveError, reloadAvailability, clearReserveError]);

  const go = (next: Step) => {
    setStep(next);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  async function confirmWaitlist() {
    if (!slotId || !person) return;
    try {
      await requestSubscription([BOOKING_TEMPLATES.waitlistOffer]);
    } catch {
      // Without the message the held place still shows in 我的预约.
    }
    const entry = await join.submit({ slotId, person, needs: needsInput(needs) });
    if (entry) setWaiting(entry);
  }

  async function confirm() {
    if (waitlist) return confirmWaitlist();
    if (!slotId || !person) return;
    // WeChat shows its prompt only from a tap: ask first, and book whatever the answer.
    try {
      // Both reminders in the one prompt: each is a template of its own (one message per acceptance).
      const decisions = await requestSubscription([...BOOKING_CONFIRM_TEMPLATES]);
      setReminded({ dayBefore: decisions[BOOKING_TEMPLATES.dayBeforeReminder] === 'accept', hourBefore: decisions[BOOKING_TEMPLATES.hourBeforeReminder] === 'accept' });
    } catch {
      // Declined, or not supported on this phone: the booking still goes ahead, without reminders.
    }
    const booking = await reserve.submit({ slotId, person, needs: needsInput(needs) });
    if (booking) setBooked(booking);
  }

  if (waiting) {
    return (
      <View className="flow">
        <View className="flow__success" role="status" aria-live="polite">
          <Text className="flow__success-title">已登记候补，排第{waiting.position ?? 1}位</Text>
          <Text className="flow__success-text">
            {dayLabel(waiting.day)} {waiting.time} {waiting.serviceLabel}。有人取消时，名额为您保留30分钟，会发消息通知您，请在“我的预约”里确认。
          </Text>
        </View>
        <Button className="flow__primary" type="primary" block onClick={() => void Taro.redirectTo({ url: ROUTES.myBookings })}>
          查看我的预约
        </Button>
      </View>
    );
  }

  if (booked) {
    return (
      <View className="flow">
        <View className="flow__success" role="status" aria-live="polite">
          <Text className="flow__success-title">预约成功</Text>
          <Text className="flow__success-text">
            请按时到大厅{service?.windows.length ? `${windowsText(service)}` : ''}，向工作人员出示下面的签到码。{remindedText(reminded)}
          </Text>
        </View>
        <BookingCard booking={booked} />
        <Button className="flow__primary" type="primary" block onClick={() => void Taro.redirectTo({ url: ROUTES.myBookings })}>
          查看我的预约
        </Button>
      </View>
    );
  }

  return (
    <View className="flow">
      <PageState status={catalogue.status} error={catalogue.error} onRetry={catalogue.reload} loadingRows={6} emptyTitle="这个派出所暂时不能网上预约" emptyDescription="请拨打派出所电话咨询">
        {catalogue.data && (
          <View>
            <Text className="page-title">{catalogue.data.stationName}</Text>
            <View className="flow__progress" aria-hidden>
              {STEPS.map((s, index) => (
                <View key={s} className={`flow__dot${index <= stepIndex ? ' flow__dot--done' : ''}`} />
              ))}
            </View>
            {/* Each step replaces the last in place: a screen reader hears which one it is now. */}
            <View aria-live="polite">
              <Text className="flow__step" {...roleProps('heading')} aria-level={2}>
                第{stepIndex + 1}步（共{STEPS.length}步）：{STEP_TITLES[step]}
              </Text>
            </View>

            {step !== 'service' && service && (
              <View className="flow__so-far">
                <Text>{service.label}</Text>
                {step !== 'day' && day && <Text> · {dayLabel(day)}</Text>}
                {stepIndex > STEPS.indexOf('slot') && chosenSlot && <Text> {chosenSlot.time}</Text>}
              </View>
            )}

            {step === 'service' && (
              <View>
                <View role="radiogroup" aria-label="要办的业务">
                  {catalogue.data.services.map((option) => (
                    <ServiceOption
                      key={option.kind}
                      service={option}
                      selected={service?.kind === option.kind}
                      onSelect={() => {
                        if (service?.kind !== option.kind) {
                          setDay(undefined);
                          setSlotId(undefined);
                        }
                        setService(option);
                      }}
                    />
                  ))}
                </View>
                {service && <Materials service={service} />}
                <ActionBar>
                  <Button className="flow__primary" type="primary" block disabled={!service} onClick={() => go('day')}>
                    {service ? '下一步：选日期' : '请先选择业务'}
                  </Button>
                </ActionBar>
              </View>
            )}

            {step === 'day' && (
              <PageState status={availability.status} error={availability.error} onRetry={availability.reload} loadingRows={4} emptyTitle="近期没有可预约的日子">
                {availability.data && (
                  <View>
                    <Text className="flow__hint">绿色“可约”的日子可以点；“约满”的日子可以登记候补；“休息”的不能约。</Text>
                    <DayGrid
                      fullSelectable
                      days={availability.data.days}
                      selected={day}
                      onSelect={(chosen) => {
                        if (chosen.day !== day) setSlotId(undefined);
                        setDay(chosen.day);
                        setSlotMessage(undefined);
                        go('slot');
                      }}
                    />
                    {closedNotes(availability.data.days).map((note) => (
                      <Text key={note} className="flow__hint">
                        {note}
                      </Text>
                    ))}
                  </View>
                )}
              </PageState>
            )}

            {step === 'slot' && (
              <PageState status={availability.status} error={availability.error} onRetry={availability.reload} loadingRows={4}>
                {slotMessage && <FormError error={{ code: 'CONFLICT', message: slotMessage }} />}
                {chosenDay ? (
                  <View>
                    <Text className="flow__day-title">{dayLabel(chosenDay.day)}</Text>
                    <SlotList
                      day={chosenDay}
                      selected={slotId}
                      onSelect={(chosen) => {
                        setSlotId(chosen);
                        setWaitlist(false);
                        setSlotMessage(undefined);
                        go('person');
                      }}
                      onWaitlist={(chosen) => {
                        setSlotId(chosen);
                        setWaitlist(true);
                        setSlotMessage(undefined);
                        go('person');
                      }}
                    />
                    {chosenDay.slots.some((slot) => slot.left <= 0) && (
                      <Text className="flow__hint">约满的时段可以登记候补：有人取消时，名额为排在第一位的人保留30分钟。</Text>
                    )}
                  </View>
                ) : (
                  <Text className="muted">请先选择日期。</Text>
                )}
              </PageState>
            )}

            {step === 'person' && (
              <PersonStep
                selected={person}
                onSelect={(chosen, label) => {
                  setPerson(chosen);
                  setPersonName(label);
                  go('needs');
                }}
              />
            )}

            {step === 'needs' && (
              <View>
                <NeedsStep
                  value={needs}
                  problem={needsShownProblem}
                  onChange={(next) => {
                    setNeeds(next);
                    setNeedsShownProblem(undefined);
                  }}
                />
                <ActionBar>
                  <Button
                    className="flow__primary"
                    type="primary"
                    block
                    onClick={() => {
                      const problem = needsProblem(needs);
                      if (problem) {
                        setNeedsShownProblem(problem);
                        revealFirstError();
                      } else go('review');
                    }}
                  >
                    下一步：核对信息
                  </Button>
                </ActionBar>
              </View>
            )}

            {step === 'review' && service && chosenDay && (
              <View>
                {/* Focusable, so a keyboard or switch user can stop here and read (and scroll) the summary. */}
                <View className="flow__review" role="group" aria-label="核对预约信息" {...{ tabIndex: 0 }}>
                  <ReviewRow label="派出所">{catalogue.data.stationName}</ReviewRow>
                  <ReviewRow label="业务">{service.label}</ReviewRow>
                  {service.windows.length > 0 && <ReviewRow label="办理窗口">{windowsText(service)}</ReviewRow>}
                  <ReviewRow label="时间">
                    {dayLabel(chosenDay.day)} {chosenSlot?.time ?? ''}
                    {waitlist ? '（已约满，登记候补）' : ''}
                  </ReviewRow>
                  <ReviewRow label="办理人">{personName}</ReviewRow>
                  <ReviewRow label="需要帮助">
                    {needs.kinds.length === 0
                      ? '不需要'
                      : needs.kinds.map((kind) => (kind === 'greenChannel' ? `绿色通道：${needs.greenChannelReason.trim()}` : NEED_TEXT[kind])).join('、')}
                  </ReviewRow>
                </View>
                <Materials service={service} />
                <FormError error={waitlist ? join.error : reserve.error} />
                <ActionBar>
                  <Button className="flow__primary" type="primary" block loading={reserve.pending || join.pending} onClick={() => void confirm()}>
                    {waitlist ? '登记候补' : '确认预约'}
                  </Button>
                </ActionBar>
              </View>
            )}

            {step !== 'service' && (
              <Button className="flow__secondary" block disabled={reserve.pending} onClick={() => go(STEPS[stepIndex - 1] ?? 'service')}>
                上一步
              </Button>
            )}
          </View>
        )}
      </PageState>
    </View>
  );
}
