import { z } from 'zod';
import { AudienceSchema, KebabId } from './module.ts';

const Clock = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'clock')
  .meta({ description: 'A time of day as `HH:MM` (24-hour), for example `09:00`. Quote it in YAML: "09:00".' });

export const BreaksSchema = z
  .strictObject({
    every: z
      .int()
      .min(30)
      .max(240)
      .meta({ description: 'Longest stretch of training, in minutes, before a short break is due.' }),
    minutes: z.int().min(5).max(45).meta({ description: 'Length of each short break, in minutes.' }),
    lunch: z
      .strictObject({
        from: Clock.meta({ description: 'Earliest time lunch may start.' }),
        to: Clock.meta({ description: 'Latest time lunch must have ended.' }),
        minutes: z.int().min(15).max(120).meta({ description: 'Length of lunch, in minutes.' }),
      })
      .optional()
      .meta({ description: 'The lunch window and its length; leave out for a half day.' }),
  })
  .meta({
    description: 'The breaks policy: a short break at least every `every` minutes, and lunch inside its window.',
  });

export const OpeningSchema = z
  .strictObject({
    minutes: z.int().min(10).max(90).meta({
      description:
        'How long the opening takes: welcome, introductions, ground rules, the content notes of the day’s modules, housekeeping.',
    }),
    housekeeping: z
      .string()
      .trim()
      .min(3)
      .max(400)
      .optional()
      .meta({ description: 'What people need to know about the place: exits, toilets, wifi, phones, refreshments.' }),
  })
  .meta({ description: 'The start of the day, before the first module.' });

export const CloseSchema = z
  .strictObject({
    minutes: z
      .int()
      .min(10)
      .max(90)
      .meta({ description: 'How long the close takes: recap, each person’s commitments, the feedback form.' }),
  })
  .meta({ description: 'The end of the day, after the last module.' });

export const PlanDaySchema = z
  .strictObject({
    date: z.iso.date().meta({ description: 'The day, as `YYYY-MM-DD`.' }),
    start: Clock.meta({ description: 'When the day starts, `HH:MM`.' }),
    end: Clock.meta({ description: 'When the day must end, `HH:MM`.' }),
    breaks: BreaksSchema.optional().meta({ description: 'This day’s breaks policy, if it differs from the plan’s.' }),
    opening: OpeningSchema.optional(),
    modules: z.array(KebabId).min(1).meta({ description: 'Module ids, in the order they are run.' }),
    close: CloseSchema.optional(),
  })
  .meta({ description: 'One training day.' });

/** A delivery plan (`content/plans/<id>.yaml`): modules scheduled into real days. */
export const PlanSchema = z
  .strictObject({
    id: KebabId.meta({ description: 'The plan id: kebab-case, the same as the file name.' }),
    title: z.string().trim().min(3).max(120).meta({ description: 'The plan title, as participants see it.' }),
    audience: AudienceSchema,
    format: z.enum(['in-person', 'virtual']).meta({ description: '`in-person` or `virtual` delivery.' }),
    venue: z
      .string()
      .trim()
      .min(2)
      .max(200)
      .optional()
      .meta({ description: 'Where it runs: a room, or the video platform.' }),
    participants: z
      .int()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'How many people will attend: the day pack counts materials and forms for them.' }),
    breaks: BreaksSchema.meta({ description: 'The default breaks policy for every day.' }),
    days: z.array(PlanDaySchema).min(1).meta({ description: 'The training days, in order.' }),
  })
  .meta({ title: 'Frontline delivery plan' });

export type Plan = z.output<typeof PlanSchema>;
export type PlanDay = z.output<typeof PlanDaySchema>;
export type Opening = z.output<typeof OpeningSchema>;
export type Close = z.output<typeof CloseSchema>;
export type BreaksPolicy = z.output<typeof BreaksSchema>;
