/**
 * The `es` chunk (`widget-es.js`): the widget's Spanish, fetched only by Spanish forms
 * (`stringsOf` in i18n.ts), so English pages never pay for it.
 */
import type { Strings } from '../i18n.ts';

/** Spanish. */
export const es: Strings = {
  lang: 'es',
  send: 'Enviar',
  sending: 'Enviando…',
  saved: 'Guardado, lo estamos enviando…',
  fix: 'Revisa:',
  didYouMean: '¿Quisiste decir',
  apply: 'Usar',
  workEmail: 'Usa tu correo del trabajo',
  choose: 'Elige…',
  thanks: '¡Gracias!',
  received: 'Hemos recibido tu solicitud.',
  team: 'Nuestro equipo',
  reply: 'te responderá en menos de',
  call: 'te llamará en menos de',
  tooLarge: 'El formulario es demasiado largo.',
  failed: 'Lo sentimos, ahora no se puede enviar.',
  cannot: 'Lo sentimos, este formulario no se puede enviar desde esta página.',
  write: 'Escríbenos a',
  other: 'Contáctanos por otra vía.',
  labels: {
    firstName: 'Nombre',
    lastName: 'Apellidos',
    email: 'Correo electrónico',
    phone: 'Teléfono',
    company: 'Empresa',
    jobTitle: 'Cargo',
    website: 'Sitio web',
    employees: 'Tamaño de la empresa',
    country: 'País',
    region: 'Estado / región',
    city: 'Ciudad',
    postalCode: 'Código postal',
    product: 'Producto o servicio',
    message: 'Mensaje',
    consent: 'Acepto que me contacten',
  },
  issues: {
    required: 'Obligatorio',
    invalid: 'No es válido',
    'invalid:email': 'Escribe un correo como nombre@empresa.com',
    too_long: 'Demasiado largo',
    work_email_required: 'Usa tu correo del trabajo',
    unknown_option: 'Elige una opción',
    must_accept: 'Marca la casilla para continuar',
  },
};
