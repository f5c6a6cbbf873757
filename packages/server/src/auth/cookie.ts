import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';

export const SESSION_COOKIE = 'peakpath_session';

/** `Secure` when the request came over https (directly or as a proxy says) or the server is told so. */
const secure = (context: AppContext, request: FastifyRequest): boolean => context.config.secureCookies || request.protocol === 'https';

/** HttpOnly (scripts cannot read it), SameSite=Strict (other sites' pages do not send it), path /api. */
export function setSessionCookie(reply: FastifyReply, context: AppContext, request: FastifyRequest, token: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secure(context, request), path: '/api', expires });
}

export function clearSessionCookie(reply: FastifyReply, context: AppContext, request: FastifyRequest): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: secure(context, request), path: '/api' });
}
