/**
 * A team's book over time: {@link io.fairlead.core.book.Book} holds who owns which customer since
 * when, and the append-only, hash-chained log of every event that made it so; the {@link
 * io.fairlead.core.book.Lifecycle} says when ownership ends and how it passes on (the public pool
 * and its claims, reclaiming idle customers, ownership conflicts, departures, covers for long
 * leave); reps' calendars (leave, part time, ramping up) feed the problems the book makes.
 */
package io.fairlead.core.book;
